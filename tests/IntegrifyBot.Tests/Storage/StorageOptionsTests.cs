using IntegrifyBot.Storage;
using IntegrifyBot.Storage.Providers;
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

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddBotStorage(configuration).BuildServiceProvider();
    }
}
