using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace IntegrifyBot.TestInfrastructure;

/// <summary>
/// Adds up what one bot's counters record, as a metrics exporter would receive it: only instruments
/// of that bot's meter factory, so that bots of tests running at the same time do not mix.
/// </summary>
public sealed class MetricTotals : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<string, long> totals = new(StringComparer.Ordinal);

    public MetricTotals(IMeterFactory meters, string prefix)
    {
        listener.InstrumentPublished = (instrument, subscriber) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meters) && instrument.Name.StartsWith(prefix, StringComparison.Ordinal))
            {
                subscriber.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            totals.AddOrUpdate(instrument.Name, value, (_, total) => total + value);
            foreach (var tag in tags)
            {
                totals.AddOrUpdate($"{instrument.Name}{{{tag.Key}={tag.Value}}}", value, (_, total) => total + value);
            }
        });
        listener.Start();
    }

    /// <summary>The total of an instrument, or of its measurements with one tag: <c>name{key=value}</c>.</summary>
    public long this[string name] => totals.GetValueOrDefault(name);

    /// <summary>
    /// The total once it has reached <paramref name="expected"/>, or as it is after a generous guard:
    /// the bot records a measurement just after what a test waits for (a row's state, a message
    /// received), so on a busy machine a total read at once can still miss it.
    /// </summary>
    public async Task<long> ReachedAsync(string name, long expected)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (this[name] < expected && !guard.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), CancellationToken.None);
        }

        return this[name];
    }

    public void Dispose() => listener.Dispose();
}
