using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IntegrifyBot.Hosting;

/// <summary>
/// /healthz says the process is alive (for restarts); /readyz says it can serve (for load balancers):
/// its configuration is valid, its data folder is writable and its database answers. /readyz says
/// Degraded (still 200) while the bot is saturated or Integrify's circuit breaker is open; its body is
/// the status, then one line per degraded check with why. An unhealthy check's reason (a path, a
/// setting's name) stays in the log: the endpoint may be reachable by more people than the log is.
/// </summary>
public static class BotHealth
{
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapBotHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteStatusAndReasonsAsync });
        return endpoints;
    }

    private static Task WriteStatusAndReasonsAsync(HttpContext http, HealthReport report)
    {
        var lines = new List<string> { report.Status.ToString() };
        lines.AddRange(report.Entries
            .Where(entry => entry.Value.Status == HealthStatus.Degraded)
            .Select(entry => $"{entry.Key}: {entry.Value.Description}"));
        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.WriteAsync(string.Join('\n', lines), http.RequestAborted);
    }
}
