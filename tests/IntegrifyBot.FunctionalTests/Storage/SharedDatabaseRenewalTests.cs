using Integrify.Simulator;
using IntegrifyBot.Storage;
using IntegrifyBot.TestInfrastructure;

namespace IntegrifyBot.FunctionalTests.Storage;

/// <summary>
/// The refresh storm of the token renewal tests, with each of two bot instances over its own
/// encrypted store on one database (a SQLite file, a PostgreSQL database): the database's renewal
/// lock alone keeps the simulator's single-use refresh token from being spent twice.
/// </summary>
public abstract class SharedDatabaseRenewalTests(StorageProvider provider) : IAsyncLifetime
{
    private const int Storm = 200;
    private readonly ManualClock simulatorClock = new();
    private TestDatabase database = null!;
    private SimulatorHost simulator = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        simulator = await SimulatorHost.StartAsync(new SimulatorOptions { ControlApi = true }, simulatorClock);
    }

    public async Task DisposeAsync()
    {
        await simulator.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task Two_bot_instances_on_one_database_refresh_a_user_once_and_both_keep_working()
    {
        await using (await StorageInstance.StartAsync(database))
        {
            // Migrated as the bot does at start; the instances below only use the database.
        }

        var clock = new ManualClock();
        await using var first = new IntegrifyClients(simulator.BaseAddress, clock, configureServices: services => StorageInstance.AddStorage(services, database));
        await using var second = new IntegrifyClients(simulator.BaseAddress, clock, configureServices: services => StorageInstance.AddStorage(services, database));
        Assert.IsType<EfTokenStore>(first.Store);
        Assert.NotSame(first.Store, second.Store);
        var user = await first.SignInAsync("alexw");
        var before = await second.Store.FindAsync(user, CancellationToken.None);

        clock.Advance(TimeSpan.FromMinutes(9.5));
        simulatorClock.Advance(TimeSpan.FromMinutes(9.5));
        var calls = Enumerable.Range(0, Storm / 2).SelectMany(_ => new[]
        {
            first.Users.GetCurrentUserAsync(user, CancellationToken.None),
            second.Users.GetCurrentUserAsync(user, CancellationToken.None),
        });
        var answers = await Task.WhenAll(calls);

        Assert.All(answers, answer => Assert.Equal("alexw", answer.UserName));
        Assert.Equal(1, simulator.Counters.Calls("A2"));
        var after = await second.Store.FindAsync(user, CancellationToken.None);
        Assert.NotEqual(before!.RefreshToken, after!.RefreshToken);
        Assert.Equal(before.Version + 1, after.Version);
        Assert.Equal("alexw", (await second.Users.GetCurrentUserAsync(user, CancellationToken.None)).UserName);
        Assert.Equal("alexw", (await first.Users.GetCurrentUserAsync(user, CancellationToken.None)).UserName);
    }

    [Fact]
    public async Task A_401_storm_on_two_instances_on_one_database_makes_one_refresh()
    {
        await using (await StorageInstance.StartAsync(database))
        {
        }

        await using var first = new IntegrifyClients(simulator.BaseAddress, configureServices: services => StorageInstance.AddStorage(services, database));
        await using var second = new IntegrifyClients(simulator.BaseAddress, configureServices: services => StorageInstance.AddStorage(services, database));
        var user = await first.SignInAsync("alexw");

        // A running instance has built its EF Core model already; a cold one would spend the
        // storm's time budget on that, not on the lock under test.
        Assert.NotNull(await second.Store.FindAsync(user, CancellationToken.None));

        // Integrify's clock runs past the token's expiry; the bots' do not, so they learn from the 401s.
        simulatorClock.Advance(TimeSpan.FromMinutes(11));
        var answers = await Task.WhenAll(Enumerable.Range(0, Storm / 2).SelectMany(_ => new[]
        {
            first.Users.GetCurrentUserAsync(user, CancellationToken.None),
            second.Users.GetCurrentUserAsync(user, CancellationToken.None),
        }));

        Assert.All(answers, answer => Assert.Equal("alexw", answer.UserName));
        Assert.Equal(1, simulator.Counters.Calls("A2"));
    }

    [Collection(RenewalStorms.Name)]
    public sealed class OnSqlite() : SharedDatabaseRenewalTests(StorageProvider.Sqlite);

    [Collection(RenewalStorms.Name)]
    public sealed class OnPostgres() : SharedDatabaseRenewalTests(StorageProvider.Postgres);
}
