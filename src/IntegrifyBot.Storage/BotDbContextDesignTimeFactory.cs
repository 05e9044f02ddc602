using IntegrifyBot.Storage.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace IntegrifyBot.Storage;

/// <summary>
/// Lets `dotnet ef migrations add --context BotDbContext` build the SQLite context without the bot
/// host. It never opens the database: adding a migration only compares the model with the last
/// snapshot in Migrations/Sqlite. PostgreSQL has its own, <see cref="PostgresBotDbContextDesignTimeFactory"/>.
/// </summary>
public sealed class BotDbContextDesignTimeFactory : IDesignTimeDbContextFactory<BotDbContext>
{
    public BotDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<BotDbContext>();
        new SqliteDatabaseProvider(new StorageOptions { ConnectionString = "Data Source=design-time.db" }).Configure(builder);
        return new BotDbContext(builder.Options);
    }
}
