namespace Integrify.Simulator;

/// <summary>
/// A fault for calls whose path starts with <see cref="PathPrefix"/> (the body of <c>POST /_sim/faults</c>).
/// Every matching call waits <see cref="LatencyMs"/>; a share <see cref="Rate"/> of them, spread evenly
/// (with 0.5 every second call), then fails with <see cref="Status"/> or a dropped connection.
/// </summary>
public sealed record FaultSpec
{
    /// <summary>Compared ignoring case, e.g. <c>/api/auth/refresh</c> or <c>/api/</c>. Never matches <c>/_sim/</c>.</summary>
    public string PathPrefix { get; init; } = "/api/";

    /// <summary>Delay before answering, 0 to 60000 ms; real time, whatever the simulator's clock.</summary>
    public int LatencyMs { get; init; }

    /// <summary>429 or 500 to 599; null for latency or a dropped connection only.</summary>
    public int? Status { get; init; }

    /// <summary>The share of matching calls that fail, 0 to 1.</summary>
    public double Rate { get; init; } = 1;

    /// <summary>The Retry-After header in seconds; 429 sends 1 when not given.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>Abort the connection instead of answering.</summary>
    public bool Drop { get; init; }

    /// <summary>The rule acts on this many matching calls, then stops; null for no end.</summary>
    public int? Times { get; init; }
}
