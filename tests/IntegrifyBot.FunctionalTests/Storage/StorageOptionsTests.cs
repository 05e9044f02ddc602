using IntegrifyBot.Storage;
using IntegrifyBot.Storage.Providers;
using IntegrifyBot.TestInfrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrifyBot.FunctionalTests.Storage;

/// <summary>The "Storage" section: a default SQLite file in the data folder, made by the migrations (the refusals are in the unit tier).</summary>
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

    // With the key ring's certificate, as production needs, unless a test says otherwise.
    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(TestCertificate.Shared.Settings()).AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddBotStorage(configuration).BuildServiceProvider();
    }
}
