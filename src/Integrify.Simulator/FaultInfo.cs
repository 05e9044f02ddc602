namespace Integrify.Simulator;

/// <param name="Matched">Calls the rule acted on.</param>
/// <param name="Failed">Calls it failed or dropped.</param>
public sealed record FaultInfo(string Id, FaultSpec Spec, long Matched, long Failed);
