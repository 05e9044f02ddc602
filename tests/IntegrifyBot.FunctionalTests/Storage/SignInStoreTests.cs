using System.Text;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Auth;
using IntegrifyBot.Storage;
using IntegrifyBot.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrifyBot.FunctionalTests.Storage;

/// <summary>
/// Sign-in page states, how many a user keeps, and erasing a user, on a real database created by
/// the migrations: the same tests on a SQLite file and on a PostgreSQL server.
/// </summary>
public abstract class SignInStoreTests(StorageProvider provider) : IAsyncLifetime
{
    private const string Jwt = "eyJhbGciOiJIUzI1NiJ9.pending-jwt-payload-9917.signature";
    private const string RefreshToken = "pending-refresh-secret-5521";

    private readonly ManualClock clock = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
    private readonly IntegrifyUser alex = new("tenant-1", "aad-alexw");
    private readonly IntegrifyUser megan = new("tenant-1", "aad-meganb");

    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task A_state_opens_its_page_until_it_expires_and_names_its_owner()
    {
        await using var instance = await StorageInstance.StartAsync(database, clock);
        var states = instance.Services.GetRequiredService<SignInStates>();

        var state = await IssueAsync(states, alex);
        var found = await states.FindAsync(state, CancellationToken.None);

        Assert.Equal(alex, found?.User);
        Assert.False(found!.Completed);
        Assert.True(state.Length >= 40, "a state must not be guessable");
        Assert.Null(await states.FindAsync(state + "x", CancellationToken.None));

        clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        Assert.Null(await states.FindAsync(state, CancellationToken.None));
    }

    [Fact]
    public async Task A_completed_state_is_redeemed_once_by_its_owner_with_its_code()
    {
        await using var instance = await StorageInstance.StartAsync(database, clock);
        var states = instance.Services.GetRequiredService<SignInStates>();
        var state = await IssueAsync(states, alex);

        var code = await states.CompleteAsync(alex, state, Credential(), CancellationToken.None);

        Assert.Matches("^[0-9]{6}$", code);
        Assert.Null(await states.CompleteAsync(alex, state, Credential(), CancellationToken.None));
        Assert.True((await states.FindAsync(state, CancellationToken.None))!.Completed);

        // Another Teams user with the right code, or the owner with a wrong one, get nothing.
        Assert.Null(await states.RedeemAsync(megan, code!, CancellationToken.None));
        Assert.Null(await states.RedeemAsync(alex, WrongCode(code!), CancellationToken.None));

        var redeemed = await states.RedeemAsync(alex, code!, CancellationToken.None);
        Assert.Equal(RefreshToken, redeemed?.RefreshToken);
        Assert.Equal(Jwt, redeemed?.Jwt);
        Assert.Null(await states.RedeemAsync(alex, code!, CancellationToken.None));
        Assert.Null(await states.FindAsync(state, CancellationToken.None));
    }

    [Fact]
    public async Task A_code_is_useless_after_the_state_expired()
    {
        await using var instance = await StorageInstance.StartAsync(database, clock);
        var states = instance.Services.GetRequiredService<SignInStates>();
        var state = await IssueAsync(states, alex);
        var code = await states.CompleteAsync(alex, state, Credential(), CancellationToken.None);

        clock.Advance(TimeSpan.FromMinutes(11));

        Assert.Null(await states.RedeemAsync(alex, code!, CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_redemptions_of_one_code_release_the_credential_once()
    {
        await using var instance = await StorageInstance.StartAsync(database, clock);
        var states = instance.Services.GetRequiredService<SignInStates>();
        var state = await IssueAsync(states, alex);
        var code = await states.CompleteAsync(alex, state, Credential(), CancellationToken.None);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => states.RedeemAsync(alex, code!, CancellationToken.None))));

        Assert.Single(results, result => result is not null);
    }

    [Fact]
    public async Task Neither_the_state_nor_the_waiting_credential_is_stored_in_clear()
    {
        await using var instance = await StorageInstance.StartAsync(database, clock);
        var states = instance.Services.GetRequiredService<SignInStates>();
        var state = await IssueAsync(states, alex);
        var code = await states.CompleteAsync(alex, state, Credential(), CancellationToken.None);

        var bytes = await database.ReadAllAsync();
        foreach (var secret in new[] { state, Jwt, RefreshToken, "pending-jwt-payload" })
        {
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)));
        }

        Assert.NotEqual(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes("aad-alexw")));
        Assert.NotNull(code);
    }

    [Fact]
    public async Task A_user_keeps_at_most_three_open_sign_ins_and_a_new_one_replaces_the_oldest()
    {
        await using var instance = await StorageInstance.StartAsync(database, clock);
        var states = instance.Services.GetRequiredService<SignInStates>();
        var meganState = await IssueAsync(states, megan);

        var issued = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            issued.Add(await IssueAsync(states, alex));
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(3, await OpenCountAsync(instance, alex));
        foreach (var state in issued[..^3])
        {
            Assert.Null(await states.FindAsync(state, CancellationToken.None));
        }

        foreach (var state in issued[^3..])
        {
            Assert.Equal(alex, (await states.FindAsync(state, CancellationToken.None))?.User);
        }

        Assert.Equal(megan, (await states.FindAsync(meganState, CancellationToken.None))?.User);
    }

    [Fact]
    public async Task Sign_ins_issued_at_once_on_two_instances_leave_at_most_three_open()
    {
        await using var first = await StorageInstance.StartAsync(database, clock);
        await using var second = await StorageInstance.StartAsync(database, clock);
        await IssueAsync(first.Services.GetRequiredService<SignInStates>(), megan);

        var issued = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            IssueAsync((i % 2 == 0 ? first : second).Services.GetRequiredService<SignInStates>(), alex))));

        Assert.Equal(40, issued.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(3, await OpenCountAsync(first, alex));
        Assert.Equal(1, await OpenCountAsync(first, megan));
    }

    [Fact]
    public async Task A_sign_in_waiting_for_its_code_outlives_newer_cards_until_only_waiting_ones_are_left()
    {
        await using var instance = await StorageInstance.StartAsync(database, clock);
        var states = instance.Services.GetRequiredService<SignInStates>();
        var signedIn = await IssueAsync(states, alex);
        var code = await states.CompleteAsync(alex, signedIn, Credential(), CancellationToken.None);

        // Three more cards while the code is on its way: the open ones make room, the waiting one stays.
        var later = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            later.Add(await IssueAsync(states, alex));
        }

        Assert.True((await states.FindAsync(signedIn, CancellationToken.None))?.Completed);
        Assert.Null(await states.FindAsync(later[0], CancellationToken.None));
        Assert.Equal(3, await OpenCountAsync(instance, alex));
        Assert.Equal(RefreshToken, (await states.RedeemAsync(alex, code!, CancellationToken.None))?.RefreshToken);

        // When every kept sign-in waits for a code, the oldest of them makes room after all.
        var waiting = new List<(string State, string Code)>();
        foreach (var state in later[1..].Append(await IssueAsync(states, alex)))
        {
            waiting.Add((state, (await states.CompleteAsync(alex, state, Credential(), CancellationToken.None))!));
        }

        clock.Advance(TimeSpan.FromSeconds(1));
        var newest = await IssueAsync(states, alex);

        Assert.Null(await states.RedeemAsync(alex, waiting[0].Code, CancellationToken.None));
        Assert.NotNull(await states.RedeemAsync(alex, waiting[2].Code, CancellationToken.None));
        Assert.False((await states.FindAsync(newest, CancellationToken.None))?.Completed);
    }

    [Fact]
    public async Task Erasing_a_user_leaves_nothing_of_theirs_but_refused_sign_ins_and_everything_of_others()
    {
        await using var instance = await StorageInstance.StartAsync(database, clock);
        var services = instance.Services;
        foreach (var user in new[] { alex, megan })
        {
            await instance.Store.SaveAsync(user, Credential(), CancellationToken.None);
            await IssueAsync(services.GetRequiredService<SignInStates>(), user);
            var failures = services.GetRequiredService<SignInFailures>();
            var reservation = await failures.ReserveAsync(user, "meganb", 5, TimeSpan.FromMinutes(15), CancellationToken.None);
            await failures.RecordRefusalAsync(Assert.IsType<SignInReservation.Granted>(reservation).Slot, CancellationToken.None);
            await services.GetRequiredService<ReportExports>().IssueAsync(user, "report-1", "Expenses", "[]", TimeSpan.FromMinutes(10), CancellationToken.None);
            await services.GetRequiredService<NotificationOutbox>().EnqueueAsync(user, "rt-1", IntegrifyBot.Storage.Entities.NotificationSource.Poll, null, CancellationToken.None);
            await using var seed = await services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
            seed.ConversationReferences.Add(new IntegrifyBot.Storage.Entities.ConversationReference
            {
                UserKey = user.UserId,
                TenantId = user.TeamsTenantId,
                ConversationId = "conv-" + user.UserId,
                ServiceUrl = "http://127.0.0.1:1/",
                ConversationType = "personal",
            });
            await seed.SaveChangesAsync();
        }

        await services.GetRequiredService<BotUserData>().EraseAsync(alex, CancellationToken.None);

        await using var context = await services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
        Assert.Equal(["aad-meganb"], await context.LinkedAccounts.Select(a => a.UserKey).ToListAsync());
        Assert.Equal(["aad-meganb"], await context.SignInStates.Select(s => s.UserKey).ToListAsync());

        // Refused sign-ins stay until they leave the window: signing out must not reset the limit.
        Assert.Equal(["aad-alexw", "aad-meganb"], await context.SignInFailures.Select(f => f.UserKey).Order().ToListAsync());
        Assert.Equal(["aad-meganb"], await context.ConversationReferences.Select(r => r.UserKey).ToListAsync());
        Assert.Equal(["aad-meganb"], await context.ReportExports.Select(e => e.UserKey).ToListAsync());
        Assert.Equal(["aad-meganb"], await context.Notifications.Select(n => n.UserKey).ToListAsync());
    }

    private static Task<string> IssueAsync(SignInStates states, IntegrifyUser user) =>
        states.IssueAsync(user, TimeSpan.FromMinutes(10), keep: 3, CancellationToken.None);

    private static async Task<int> OpenCountAsync(StorageInstance instance, IntegrifyUser user)
    {
        await using var context = await instance.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
        return await context.SignInStates.CountAsync(s => s.TeamsTenantId == user.TeamsTenantId && s.UserKey == user.UserId);
    }

    private static string WrongCode(string code) => ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    private static IntegrifyCredential Credential() => new()
    {
        UserName = "alexw",
        Method = LinkMethod.Password,
        Jwt = Jwt,
        RefreshToken = RefreshToken,
        LinkedAt = new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero),
    };

    public sealed class OnSqlite() : SignInStoreTests(StorageProvider.Sqlite);

    public sealed class OnPostgres() : SignInStoreTests(StorageProvider.Postgres);
}
