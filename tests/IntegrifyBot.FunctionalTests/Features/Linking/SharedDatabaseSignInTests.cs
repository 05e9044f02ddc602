using System.Text.Json.Nodes;
using IntegrifyBot.Routing;
using IntegrifyBot.Storage;
using IntegrifyBot.TestInfrastructure;

namespace IntegrifyBot.FunctionalTests.Features.Linking;

/// <summary>
/// Two bot instances on one database (a SQLite file, a PostgreSQL database), each with its own
/// Integrify simulator to count what reached it: the sign-in limit and the cap on open sign-ins hold
/// for the pair as for one instance, since both are decided in the database.
/// </summary>
public abstract class SharedDatabaseSignInTests(StorageProvider provider) : IAsyncLifetime
{
    private TestDatabase database = null!;
    private LinkingBot first = null!;
    private LinkingBot second = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        var settings = new Dictionary<string, string?>(database.Settings());

        // One after the other, as a rolling deployment: the first migrates the database.
        first = await LinkingBot.StartAsync(settings);
        second = await LinkingBot.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await second.DisposeAsync();
        await first.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task Thirty_wrong_passwords_at_once_through_two_instances_reach_integrify_at_most_five_times()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
            LinkingBot.Texts(await (i % 2 == 0 ? first : second).ClickAsync("link.password", new JsonObject { ["userName"] = "alexw", ["password"] = $"guess-{i}" }))));

        SignInBursts.AssertLimited(answers, first.Simulator.Counters.Calls("A1") + second.Simulator.Counters.Calls("A1"), limit: 5);
        Assert.Equal(5, await first.SignInFailuresAsync());
    }

    [Fact]
    public async Task Sign_in_requests_at_once_through_two_instances_leave_three_open_sign_ins()
    {
        var cards = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
            LinkingBot.Texts(await (i % 2 == 0 ? first : second).ClickAsync(RunCommandData.Verb, new JsonObject { ["text"] = "sign in" }))));

        SignInBursts.AssertLinkCards(cards);
        Assert.Equal(3, await first.OpenSignInsAsync());
    }

    public sealed class OnSqlite() : SharedDatabaseSignInTests(StorageProvider.Sqlite);

    public sealed class OnPostgres() : SharedDatabaseSignInTests(StorageProvider.Postgres);
}
