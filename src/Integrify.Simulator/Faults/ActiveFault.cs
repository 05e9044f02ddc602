namespace Integrify.Simulator.Faults;

/// <summary>A rule in force, with its own counts. Decisions use only interlocked counters, so concurrent calls share a rule safely.</summary>
internal sealed class ActiveFault(string id, FaultSpec spec)
{
    private long remaining = spec.Times ?? long.MaxValue;
    private long matched;
    private long failed;

    public string Id { get; } = id;

    public FaultSpec Spec { get; } = spec;

    public FaultInfo Info => new(Id, Spec, Interlocked.Read(ref matched), Interlocked.Read(ref failed));

    /// <summary>
    /// Null once the rule has acted <see cref="FaultSpec.Times"/> times. Call n fails when
    /// floor(n × rate) grows, which spreads failures evenly and the same way on every run.
    /// </summary>
    public FaultDecision? Decide()
    {
        if (Interlocked.Decrement(ref remaining) < 0)
        {
            return null;
        }

        var n = Interlocked.Increment(ref matched);
        var fail = (Spec.Status is not null || Spec.Drop) && Math.Floor(n * Spec.Rate) > Math.Floor((n - 1) * Spec.Rate);
        if (fail)
        {
            Interlocked.Increment(ref failed);
        }

        var retryAfter = Spec.RetryAfterSeconds ?? (Spec.Status == StatusCodes.Status429TooManyRequests ? 1 : null);
        return new FaultDecision(Id, Spec.LatencyMs, fail, Spec.Drop, Spec.Status, retryAfter);
    }
}
