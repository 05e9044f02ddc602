namespace Integrify.Simulator.Faults;

/// <param name="Status">The status to answer with; null to answer normally after the latency.</param>
internal sealed record FaultDecision(string RuleId, int LatencyMs, bool Fail, bool Drop, int? Status, int? RetryAfterSeconds);
