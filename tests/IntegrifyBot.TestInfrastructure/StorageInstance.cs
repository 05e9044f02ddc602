using IntegrifyBot.Integrify;
using IntegrifyBot.Integrify.Auth;
using IntegrifyBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IntegrifyBot.TestInfrastructure;

/// <summary>
/// The storage of one bot instance, wired as the bot wires it, over a given test database (SQLite
/// or PostgreSQL). Two of these on one database behave like two bot processes sharing it.
/// </summary>
public sealed class StorageInstance : IAsyncDisposable
{
    public const string IntegrifyAddress = "http://127.0.0.1:5999/";

    private StorageInstance(ServiceProvider services) => Services = services;

    public ServiceProvider Services { get; }

    public IIntegrifyTokenStore Store => Services.GetRequiredService<IIntegrifyTokenStore>();

    /// <summary>Builds an instance and brings the database up to date, as the bot does at start.</summary>
    /// <param name="settings">Over the defaults: the test database, and the key ring protected by the test run's certificate.</param>
    /// <param name="logs">Where the instance logs, EF Core's own lines included; nowhere by default.</param>
    public static async Task<StorageInstance> StartAsync(TestDatabase database, TimeProvider? clock = null, IEnumerable<KeyValuePair<string, string?>>? settings = null, ILoggerProvider? logs = null)
    {
        var collection = new ServiceCollection().AddLogging(logging =>
        {
            if (logs is not null)
            {
                logging.AddProvider(logs);
            }
        });
        collection.AddSingleton(clock ?? TimeProvider.System);
        collection.AddIntegrifyClient(Configuration(IntegrifyAddress, database, settings));
        AddStorage(collection, database, settings);
        var instance = new StorageInstance(collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
        await instance.Services.MigrateBotDatabaseAsync();
        return instance;
    }

    /// <summary>The bot's storage registration, pointed at the test's database.</summary>
    public static void AddStorage(IServiceCollection services, TestDatabase database, IEnumerable<KeyValuePair<string, string?>>? settings = null) =>
        services.AddBotStorage(Configuration(IntegrifyAddress, database, settings));

    /// <summary>As an operator would configure a production instance: the key ring is encrypted.</summary>
    public static IConfiguration Configuration(string integrifyAddress, TestDatabase database, IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        return new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Integrify:BaseUrl"] = integrifyAddress,
                ["Integrify:Tenant"] = "demo",
            })
            .AddInMemoryCollection(database.Settings())
            .AddInMemoryCollection(TestCertificate.Shared.Settings())
            .AddInMemoryCollection(settings ?? [])
            .Build();
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
