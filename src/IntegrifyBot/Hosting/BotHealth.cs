using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace IntegrifyBot.Hosting;

/// <summary>
/// /healthz says the process is alive (for restarts); /readyz says it can serve (for load balancers):
/// its configuration is valid, its data folder is writable and its database answers.
/// </summary>
public static class BotHealth
{
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapBotHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return endpoints;
    }
}
