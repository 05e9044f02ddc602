using System.Diagnostics;
using System.Diagnostics.Metrics;
using IntegrifyBot.Telemetry;

namespace IntegrifyBot.Routing;

/// <summary>How many turns each kind of route answered, how, and how long it took.</summary>
public sealed class RouterMetrics
{
    private readonly Counter<long> turns;
    private readonly Histogram<double> duration;

    public RouterMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(BotTelemetry.Name);
        turns = meter.CreateCounter<long>("integrifybot.turns", description: "Turns answered, by route kind and outcome.");
        duration = meter.CreateHistogram<double>("integrifybot.turn.duration", unit: "s", description: "Time to answer a turn.");
    }

    public void Turn(string route, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList { { "route", route }, { "outcome", outcome } };
        turns.Add(1, tags);
        duration.Record(elapsed.TotalSeconds, tags);
    }
}
