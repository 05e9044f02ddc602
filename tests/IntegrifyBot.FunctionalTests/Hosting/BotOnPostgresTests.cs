using System.Net;
using IntegrifyBot.Storage;
using IntegrifyBot.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrifyBot.FunctionalTests.Hosting;

/// <summary>The whole bot with Storage:Provider=Postgres, on a database of the test run's PostgreSQL server.</summary>
public sealed class BotOnPostgresTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(StorageProvider.Postgres);

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task The_bot_migrates_an_empty_database_at_start_and_is_ready()
    {
        await using var bot = await BotApp.DemoWithSimulatorAsync(new Dictionary<string, string?>(database.Settings()));
        using var client = bot.CreateBotClient();

        using var ready = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
        Assert.Superset(
            new HashSet<string> { "LinkedAccounts", "ConversationReferences", "DataProtectionKeys", "__EFMigrationsHistory" },
            await ColumnAsync("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"));

        // Every migration of the PostgreSQL set is applied, and the key ring has its first key.
        await using var context = await bot.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
        Assert.IsType<PostgresBotDbContext>(context);
        Assert.Equal(context.Database.GetMigrations().ToHashSet(), await ColumnAsync("SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\""));
        Assert.NotEmpty(await ColumnAsync("SELECT \"FriendlyName\" FROM \"DataProtectionKeys\""));
    }

    private async Task<HashSet<string>> ColumnAsync(string sql)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
