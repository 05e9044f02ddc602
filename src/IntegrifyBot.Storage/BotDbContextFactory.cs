using IntegrifyBot.Storage.Providers;
using Microsoft.EntityFrameworkCore;

namespace IntegrifyBot.Storage;

/// <summary>
/// Makes every <see cref="BotDbContext"/> the bot asks for of its engine's context type, so that
/// migrating, and asking which migrations are applied or pending, always sees that engine's own set.
/// </summary>
internal sealed class BotDbContextFactory(DbContextOptions<BotDbContext> options, IBotDatabaseProvider database) : IDbContextFactory<BotDbContext>
{
    public BotDbContext CreateDbContext() => database.CreateContext(options);
}
