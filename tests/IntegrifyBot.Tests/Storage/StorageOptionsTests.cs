using IntegrifyBot.Storage;
using IntegrifyBot.Storage.Providers;
using IntegrifyBot.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Tests.Storage;

/// <summary>The "Storage" section: a default file in the data folder, and clear refusals.</summary>
public sealed class StorageOptionsTests : IDisposable
{
    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task Without_a_connection_string_the_database_is_a_file_in_the_data_folder_which_is_created()
    {
        var dataFolder = Path.Combine(database.Folder, "data", "nested");
        await using var services = Services(new() { ["Bot:DataFolder"] = dataFolder });

        await services.MigrateBotDatabaseAsync();

        Assert.True(File.Exists(Path.Combine(dataFolder, SqliteDatabaseProvider.DefaultFileName)));
    }

    [Theory]
    [InlineData("Storage:Provider", "Oracle")]
    [InlineData("Storage:ConnectionString", "Data Source=:memory:")]
    [InlineData("Storage:ConnectionString", "Data Source=x.db;Mode=Memory")]
    [InlineData("Storage:ConnectionString", "Nonsense=1")]
    public async Task A_bad_storage_section_is_refused_with_a_message_naming_the_key(string key, string value)
    {
        await using var services = Services(new() { [key] = value });

        var refusal = Assert.ThrowsAny<Exception>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains("Storage:", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_is_refused_in_one_message()
    {
        await using var services = Services(new() { ["Storage:Provider"] = "Postgres" });

        var refusal = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);

        var failure = Assert.Single(refusal.Failures);
        Assert.StartsWith("Storage:ConnectionString must be set when Storage:Provider is Postgres", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Database=bot;Username=bot;Password=hunter2-secret")]
    [InlineData("Host=db;Password=hunter2-secret;Nonsense=1")]
    [InlineData("Host=db;Password=hunter2-secret;Port=not-a-port")]
    public async Task A_bad_postgres_connection_string_is_refused_without_repeating_its_password(string connectionString)
    {
        await using var services = Services(new() { ["Storage:Provider"] = "Postgres", ["Storage:ConnectionString"] = connectionString });

        var refusal = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);

        var failure = Assert.Single(refusal.Failures);
        Assert.StartsWith("Storage:ConnectionString ", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postgres_with_a_connection_string_gets_the_postgres_provider()
    {
        await using var services = Services(new() { ["Storage:Provider"] = "postgres", ["Storage:ConnectionString"] = "Host=db.internal;Database=bot;Username=bot;Password=hunter2-secret" });

        Assert.IsType<PostgresDatabaseProvider>(services.GetRequiredService<IBotDatabaseProvider>());
        Assert.DoesNotContain("hunter2", services.GetRequiredService<IOptions<StorageOptions>>().Value.ToString(), StringComparison.Ordinal);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddBotStorage(configuration).BuildServiceProvider();
    }
}
