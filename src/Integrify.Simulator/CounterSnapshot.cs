namespace Integrify.Simulator;

/// <summary>The counters at one moment (<c>GET /_sim/counters</c>).</summary>
/// <param name="Routes">Per route name: calls and calls per status.</param>
/// <param name="Users">Per user name: calls per route name.</param>
/// <param name="Tasks">Per recipient task sid: completion attempts and completions.</param>
public sealed record CounterSnapshot(
    IReadOnlyDictionary<string, RouteCount> Routes,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Users,
    IReadOnlyDictionary<string, TaskCount> Tasks);
