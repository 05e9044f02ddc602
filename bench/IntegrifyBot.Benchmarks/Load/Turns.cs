using System.Diagnostics;

namespace IntegrifyBot.Benchmarks.Load;

/// <summary>How one turn (or one set of Integrify reads) ended.</summary>
/// <param name="Answered">True when it got its real answer: the bot's task list, the echo's echo, the reads' pages.</param>
/// <param name="Other">Otherwise, what came instead (a card's summary, an HTTP status, an exception's name).</param>
internal readonly record struct TurnOutcome(bool Answered, string? Other = null)
{
    public static TurnOutcome Real { get; } = new(true);

    public static TurnOutcome Instead(string what) => new(false, what.Length > 70 ? what[..70] + "…" : what);
}

/// <summary>What a phase of many turns at one concurrency measured.</summary>
internal sealed record PhaseResult(int Turns, TimeSpan Elapsed, TimeSpan Cpu, double[] SortedMilliseconds, int Answered, IReadOnlyDictionary<string, int> Others)
{
    public double CpuPerTurnMs => Cpu.TotalMilliseconds / Turns;

    public double P50 => Percentile(0.50);

    public double P99 => Percentile(0.99);

    public double AnsweredShare => (double)Answered / Turns;

    public double Percentile(double share) => SortedMilliseconds[Math.Clamp((int)Math.Ceiling(share * SortedMilliseconds.Length) - 1, 0, SortedMilliseconds.Length - 1)];

    public string OthersText() => Others.Count == 0 ? string.Empty : " (" + string.Join("; ", Others.OrderByDescending(o => o.Value).Select(o => $"{o.Value}× {o.Key}")) + ")";

    /// <summary>
    /// Runs <paramref name="turns"/> turns with <paramref name="concurrency"/> of them always under
    /// way (each worker starts its next as soon as its last ended), and the CPU time of the process
    /// measured over them.
    /// </summary>
    public static async Task<PhaseResult> RunAsync(int concurrency, int turns, int? processId, Func<int, Task<TurnOutcome>> turn)
    {
        var milliseconds = new double[turns];
        var outcomes = new TurnOutcome[turns];
        var next = -1;
        var cpuBefore = processId is { } before ? ProcessCpu.Of(before) : TimeSpan.Zero;
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Math.Min(concurrency, turns)).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < turns)
            {
                var started = Stopwatch.GetTimestamp();
                outcomes[index] = await turn(index);
                milliseconds[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }));
        await Task.WhenAll(workers);
        watch.Stop();
        var cpu = processId is { } after ? ProcessCpu.Of(after) - cpuBefore : TimeSpan.Zero;
        Array.Sort(milliseconds);
        var others = outcomes.Where(o => !o.Answered).GroupBy(o => o.Other ?? "?").ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new PhaseResult(turns, watch.Elapsed, cpu, milliseconds, outcomes.Count(o => o.Answered), others);
    }
}
