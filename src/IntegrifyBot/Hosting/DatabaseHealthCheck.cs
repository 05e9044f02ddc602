using IntegrifyBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IntegrifyBot.Hosting;

/// <summary>The bot keeps users' links in its database, so it is ready only while it can reach it.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<BotDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var database = await contexts.CreateDbContextAsync(cancellationToken);
        return await database.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The bot's database cannot be reached.");
    }
}
