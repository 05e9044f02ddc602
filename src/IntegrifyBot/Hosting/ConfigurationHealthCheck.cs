using IntegrifyBot.Settings;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Hosting;

/// <summary>
/// Re-reads the settings on each check: appsettings.json is reloaded when it changes, and an edit
/// that breaks it takes the instance out of rotation, saying which key, instead of failing users' turns.
/// </summary>
internal sealed class ConfigurationHealthCheck(IConfiguration configuration, IOptionsMonitor<BotOptions> bot, IOptionsMonitor<BotIdentityOptions> identity) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Checked first: reading options whose values cannot be converted throws the binder's error.
        if (ConfigurationCheck.Problems(configuration) is { Count: > 0 } unreadable)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(string.Join(" ", unreadable)));
        }

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
