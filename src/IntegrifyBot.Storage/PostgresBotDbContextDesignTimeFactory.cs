using IntegrifyBot.Storage.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IntegrifyBot.Storage;

/// <summary>
/// Lets `dotnet ef migrations add --context PostgresBotDbContext` build the PostgreSQL context
/// without the bot host. It never connects: adding a migration only compares the model with the
/// last snapshot in Migrations/Postgres.
/// </summary>
public sealed class PostgresBotDbContextDesignTimeFactory : IDesignTimeDbContextFactory<PostgresBotDbContext>
{
    public PostgresBotDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<BotDbContext>();
        new PostgresDatabaseProvider(new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = "Host=design-time;Database=integrifybot" }).Configure(builder);
        return new PostgresBotDbContext(builder.Options);
    }
}
