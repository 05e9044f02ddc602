using System.Diagnostics;

namespace IntegrifyBot.Benchmarks;

/// <summary>Wall time, bytes allocated (the whole process: bot, simulator and connector alike) and peak working set of one phase.</summary>
internal sealed record PhaseCost(TimeSpan Elapsed, long AllocatedBytes, long PeakWorkingSet)
{
    public static async Task<(T Result, PhaseCost Cost)> MeasureAsync<T>(Func<Task<T>> phase)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        var peak = process.WorkingSet64;
        using var sampling = new CancellationTokenSource();

        // The process's own peak is over its whole life: the phase's is sampled.
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                await Task.Delay(50, CancellationToken.None);
            }
        });
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var result = await phase();
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        await sampling.CancelAsync();
        await sampler;
        return (result, new PhaseCost(watch.Elapsed, allocated, peak));
    }

    public string Describe() => FormattableString.Invariant($"{Elapsed.TotalSeconds:F1} s, {AllocatedBytes / 1e6:F0} MB allocated, peak working set {PeakWorkingSet / 1e6:F0} MB");

    public string Against(PhaseCost baseline) => FormattableString.Invariant(
        $"{Elapsed.TotalSeconds:F1} s = {Elapsed / baseline.Elapsed:F2}× the bare reads; {AllocatedBytes / 1e6:F0} MB allocated = {(double)AllocatedBytes / baseline.AllocatedBytes:F2}×; peak working set {PeakWorkingSet / 1e6:F0} MB = {(double)PeakWorkingSet / baseline.PeakWorkingSet:F2}×");
}
