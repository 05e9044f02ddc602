using Integrify.Simulator;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Auth;
using IntegrifyBot.Integrify.Errors;
using IntegrifyBot.TestInfrastructure;

namespace IntegrifyBot.FunctionalTests.Integrify;

/// <summary>
/// Renewing users' Integrify tokens: ahead of expiry, after a 401, under a storm of concurrent calls,
/// and with two bot instances sharing one token store. The simulator's single-use refresh tokens make
/// every double refresh visible as a signed-out user.
/// </summary>
public sealed class TokenRenewalTests : IAsyncLifetime
{
    private const int Storm = 200;
    private readonly ManualClock simulatorClock = new();
    private SimulatorHost simulator = null!;

    public async Task InitializeAsync() =>
        simulator = await SimulatorHost.StartAsync(new SimulatorOptions { ControlApi = true }, simulatorClock);

    public async Task DisposeAsync() => await simulator.DisposeAsync();

    [Fact]
    public async Task A_storm_of_calls_with_an_expiring_token_makes_exactly_one_refresh()
    {
        var clientClock = new ManualClock();
        await using var client = new IntegrifyClients(simulator.BaseAddress, clientClock);
        var user = await client.SignInAsync("alexw");
        var before = await client.Store.FindAsync(user, CancellationToken.None);

        // The client sees its token about to expire, so every call wants a new one first.
        clientClock.Advance(TimeSpan.FromMinutes(9.5));
        simulatorClock.Advance(TimeSpan.FromMinutes(9.5));
        var calls = Enumerable.Range(0, Storm).Select(_ => client.Users.GetCurrentUserAsync(user, CancellationToken.None));
        var answers = await Task.WhenAll(calls);

        Assert.All(answers, answer => Assert.Equal("alexw", answer.UserName));
        Assert.Equal(1, simulator.Counters.Calls("A2"));
        var after = await client.Store.FindAsync(user, CancellationToken.None);
        Assert.NotEqual(before!.RefreshToken, after!.RefreshToken);
        Assert.NotEqual(before.Jwt, after.Jwt);
    }

    [Fact]
    public async Task A_storm_of_calls_rejected_with_401_makes_exactly_one_refresh_and_all_succeed()
    {
        await using var client = new IntegrifyClients(simulator.BaseAddress);
        var user = await client.SignInAsync("alexw");

        // Integrify's clock runs past the token's expiry; the client's does not, so it learns from the 401s.
        simulatorClock.Advance(TimeSpan.FromMinutes(11));
        var answers = await Task.WhenAll(Enumerable.Range(0, Storm).Select(_ => client.Users.GetCurrentUserAsync(user, CancellationToken.None)));

        Assert.All(answers, answer => Assert.Equal("alexw", answer.UserName));
        Assert.Equal(1, simulator.Counters.Calls("A2"));
        Assert.True(simulator.Counters.Calls("U1", "401") >= 1);
    }

    [Fact]
    public async Task Two_bot_instances_sharing_a_store_refresh_a_user_once_and_both_keep_working()
    {
        var store = new InMemoryTokenStore();
        var clock = new ManualClock();
        await using var first = new IntegrifyClients(simulator.BaseAddress, clock, store);
        await using var second = new IntegrifyClients(simulator.BaseAddress, clock, store);
        var user = await first.SignInAsync("alexw");

        // Both clocks move: the renewed token is then fresh for both instances.
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
        Assert.Equal("alexw", (await second.Users.GetCurrentUserAsync(user, CancellationToken.None)).UserName);
    }

    [Fact]
    public async Task A_spent_refresh_token_is_never_used_again()
    {
        var clock = new ManualClock();
        await using var client = new IntegrifyClients(simulator.BaseAddress, clock);
        var user = await client.SignInAsync("alexw");

        for (var renewal = 1; renewal <= 3; renewal++)
        {
            clock.Advance(TimeSpan.FromMinutes(9.5));
            simulatorClock.Advance(TimeSpan.FromMinutes(9.5));
            Assert.Equal("alexw", (await client.Users.GetCurrentUserAsync(user, CancellationToken.None)).UserName);
            Assert.Equal(renewal, simulator.Counters.Calls("A2", "200"));
        }

        Assert.Equal(0, simulator.Counters.Calls("A2", "401"));
    }

    [Fact]
    public async Task When_integrify_refuses_the_refresh_a_password_user_must_sign_in_again()
    {
        await using var client = new IntegrifyClients(simulator.BaseAddress);
        var user = await client.SignInAsync("alexw");

        simulator.Control.ExpireTokens("alexw");

        await Assert.ThrowsAsync<IntegrifyLinkExpiredException>(() => client.Users.GetCurrentUserAsync(user, CancellationToken.None));
    }

    [Fact]
    public async Task An_api_key_user_is_signed_in_again_with_the_key_when_the_token_is_refused()
    {
        await using var client = new IntegrifyClients(simulator.BaseAddress);
        var user = new IntegrifyUser("tenant-1", "aad-megan");
        await client.SignIn.WithPersonalApiKeyAsync(user, "demo-key-meganb", CancellationToken.None);

        simulator.Control.ExpireTokens("meganb");

        Assert.Equal("meganb", (await client.Users.GetCurrentUserAsync(user, CancellationToken.None)).UserName);
        Assert.Equal(2, simulator.Counters.Calls("A3", "200"));
    }

    [Fact]
    public async Task An_organisation_key_user_is_impersonated_again_when_the_token_expires()
    {
        var clock = new ManualClock();
        await using var client = new IntegrifyClients(simulator.BaseAddress, clock);
        var user = new IntegrifyUser("tenant-1", "aad-adele");
        await client.SignIn.WithOrganizationKeyAsync(user, "adelev", CancellationToken.None);

        clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal("adelev", (await client.Users.GetCurrentUserAsync(user, CancellationToken.None)).UserName);
        Assert.Equal(2, simulator.Counters.Calls("A4", "200"));
    }

    [Fact]
    public async Task An_outage_during_a_refresh_does_not_sign_the_user_out()
    {
        var clock = new ManualClock();
        await using var client = new IntegrifyClients(simulator.BaseAddress, clock);
        var user = await client.SignInAsync("alexw");
        clock.Advance(TimeSpan.FromMinutes(9.5));
        simulator.Faults.Add(new FaultSpec { PathPrefix = "/api/auth/refresh", Status = 503, Times = 1 });

        await Assert.ThrowsAsync<IntegrifyUnavailableException>(() => client.Users.GetCurrentUserAsync(user, CancellationToken.None));

        Assert.NotNull(await client.Store.FindAsync(user, CancellationToken.None));
        Assert.Equal("alexw", (await client.Users.GetCurrentUserAsync(user, CancellationToken.None)).UserName);
    }
}
