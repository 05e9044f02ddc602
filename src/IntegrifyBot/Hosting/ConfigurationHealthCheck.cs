using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Hosting;

/// <summary>
/// Re-reads the options on each check: appsettings.json is reloaded when it changes, and an edit
/// that breaks it takes the instance out of rotation instead of failing users' turns.
/// </summary>
internal sealed class ConfigurationHealthCheck(IOptionsMonitor<BotOptions> bot, IOptionsMonitor<BotIdentityOptions> identity) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            _ = bot.CurrentValue;
            _ = identity.CurrentValue;
            return Task.FromResult(HealthCheckResult.Healthy());
        }
        catch (OptionsValidationException exception)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(string.Join(" ", exception.Failures)));
        }
    }
}
