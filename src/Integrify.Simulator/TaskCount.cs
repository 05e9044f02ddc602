namespace Integrify.Simulator;

public sealed record TaskCount(long Attempts, long Completions);
