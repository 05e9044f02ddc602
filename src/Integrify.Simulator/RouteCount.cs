namespace Integrify.Simulator;

/// <param name="Statuses">Calls per HTTP status ("200", "409", ...) or "dropped".</param>
public sealed record RouteCount(long Calls, IReadOnlyDictionary<string, long> Statuses);
