using IntegrifyBot.Integrify;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IntegrifyBot.Hosting;

/// <summary>
/// Degraded, with the reason, while the bot is saturated (calls toward Integrify wait for a slot, or
/// were turned away lately: people get a "busy" card) or while Integrify's circuit breaker is open
/// (Integrify has been failing: people get an "isn't answering" card at once). Never Unhealthy: the
/// bot still answers everyone, and another instance would meet the same Integrify. A reason names the
/// bot's client, never the Integrify host: the endpoint may be reachable by more people than the log is.
/// </summary>
internal sealed class IntegrifyLoadHealthCheck(IntegrifyCallLoad load) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var reasons = new List<string>();
        foreach (var host in load.Snapshot())
        {
            if (host.BreakerOpen)
            {
                reasons.Add($"{host.Client}: Integrify has been failing; calls are paused for a moment (circuit breaker open).");
            }

            if (host.Queued > 0)
            {
                reasons.Add($"{host.Client}: the bot is saturated; {host.Queued} calls wait for one of its {host.MaxConcurrent} slots (Integrify:MaxConcurrentCalls).");
            }

            if (host.RecentlyRefused)
            {
                reasons.Add($"{host.Client}: the bot was saturated; calls were turned away with a busy answer in the last {IntegrifyCallLoad.RejectionMemory.TotalSeconds:0} s (Integrify:MaxQueuedCalls, {host.MaxQueued}).");
            }
        }

        return Task.FromResult(reasons.Count == 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Degraded(string.Join(" ", reasons)));
    }
}
