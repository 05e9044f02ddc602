using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Storage;
using IntegrifyBot.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrifyBot.FunctionalTests.Storage;

/// <summary>
/// The failed sign-in limit's reservations on a real database created by the migrations, on a SQLite
/// file and on a PostgreSQL server: counted per Teams user and per Integrify username, reserved
/// atomically across instances, and cleared only by what a success proves.
/// </summary>
public abstract class SignInFailureStoreTests(StorageProvider provider) : IAsyncLifetime
{
    private const int Limit = 5;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    private readonly ManualClock clock = new(Start);
    private readonly IntegrifyUser alex = new("tenant-1", "aad-alexw");
    private readonly IntegrifyUser megan = new("tenant-1", "aad-meganb");

    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Refusals_block_a_teams_user_at_the_limit_until_the_first_leaves_the_window()
    {
        await using var instance = await StorageInstance.StartAsync(database, clock);
        var failures = Failures(instance);
        for (var i = 0; i < Limit; i++)
        {
            await failures.RecordRefusalAsync(await GrantedAsync(failures, alex, null), CancellationToken.None);
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        var blocked = Assert.IsType<SignInReservation.Blocked>(await ReserveAsync(failures, alex, "someone-new"));
        Assert.Equal(Start + Window, blocked.Until);
        Assert.IsType<SignInReservation.Granted>(await ReserveAsync(failures, megan, null));

        clock.Advance(Start + Window + TimeSpan.FromSeconds(1) - clock.GetUtcNow());
        Assert.IsType<SignInReservation.Granted>(await ReserveAsync(failures, alex, null));
    }

    [Fact]
    public async Task Thirty_reservations_at_once_on_two_instances_grant_exactly_the_limit()
    {
        await using var first = await StorageInstance.StartAsync(database, clock);
        await using var second = await StorageInstance.StartAsync(database, clock);

        var reservations = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() =>
            ReserveAsync(Failures(i % 2 == 0 ? first : second), alex, i % 3 == 0 ? null : $"colleague-{i}"))));

        Assert.Equal(Limit, reservations.Count(r => r is SignInReservation.Granted));
    }

    [Fact]
    public async Task Password_reservations_against_one_username_are_limited_whoever_makes_them()
    {
        await using var first = await StorageInstance.StartAsync(database, clock);
        await using var second = await StorageInstance.StartAsync(database, clock);
        string[] spellings = ["meganb", "MeganB", " meganb ", "MEGANB"];

        // Twenty people at once, each with room of their own, all naming Megan's account however they spell it.
        var reservations = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            ReserveAsync(Failures(i % 2 == 0 ? first : second), new IntegrifyUser("tenant-1", $"aad-person-{i}"), spellings[i % spellings.Length]))));

        Assert.Equal(Limit, reservations.Count(r => r is SignInReservation.Granted));
        Assert.IsType<SignInReservation.Blocked>(await ReserveAsync(Failures(first), alex, "meganb"));
        Assert.IsType<SignInReservation.Granted>(await ReserveAsync(Failures(first), alex, "alexw"));
        Assert.IsType<SignInReservation.Granted>(await ReserveAsync(Failures(first), alex, null));
    }

    [Fact]
    public async Task A_success_clears_only_the_users_settled_failures_against_the_username_it_proved()
    {
        await using var instance = await StorageInstance.StartAsync(database, clock);
        var failures = Failures(instance);
        await RefusedAsync(failures, alex, "alexw");
        await RefusedAsync(failures, alex, "meganb");
        await RefusedAsync(failures, alex, null);
        await RefusedAsync(failures, megan, "alexw");
        await GrantedAsync(failures, alex, "alexw");
        var success = await GrantedAsync(failures, alex, "alexw");

        await failures.RecordSuccessAsync(alex, success, " AlexW ", CancellationToken.None);

        // Left: the guesses at Megan's account, the wrong key, Megan's own guess and the attempt still in flight.
        Assert.Equal(
            [("aad-alexw", "MEGANB", false), ("aad-alexw", null, false), ("aad-meganb", "ALEXW", false), ("aad-alexw", "ALEXW", true)],
            await RowsAsync(instance));
    }

    [Fact]
    public async Task A_success_without_a_username_clears_nothing_but_its_own_slot()
    {
        await using var instance = await StorageInstance.StartAsync(database, clock);
        var failures = Failures(instance);
        await RefusedAsync(failures, alex, "alexw");
        await RefusedAsync(failures, alex, null);
        var success = await GrantedAsync(failures, alex, null);

        await failures.RecordSuccessAsync(alex, success, provenUserName: null, CancellationToken.None);

        Assert.Equal([("aad-alexw", "ALEXW", false), ("aad-alexw", null, false)], await RowsAsync(instance));
    }

    [Fact]
    public async Task Unsettled_slots_count_as_failures_and_an_unanswered_attempt_frees_its_own()
    {
        await using var instance = await StorageInstance.StartAsync(database, clock);
        var failures = Failures(instance);
        var slots = new List<long>();
        for (var i = 0; i < Limit; i++)
        {
            slots.Add(await GrantedAsync(failures, alex, "meganb"));
        }

        // Five attempts whose instance never settled them (it died): they still count.
        Assert.IsType<SignInReservation.Blocked>(await ReserveAsync(failures, alex, null));

        await failures.ReleaseAsync(slots[0], CancellationToken.None);
        Assert.IsType<SignInReservation.Granted>(await ReserveAsync(failures, alex, null));
    }

    private static SignInFailures Failures(StorageInstance instance) => instance.Services.GetRequiredService<SignInFailures>();

    private static Task<SignInReservation> ReserveAsync(SignInFailures failures, IntegrifyUser user, string? userName) =>
        failures.ReserveAsync(user, userName, Limit, Window, CancellationToken.None);

    private static async Task<long> GrantedAsync(SignInFailures failures, IntegrifyUser user, string? userName) =>
        Assert.IsType<SignInReservation.Granted>(await ReserveAsync(failures, user, userName)).Slot;

    private static async Task RefusedAsync(SignInFailures failures, IntegrifyUser user, string? userName) =>
        await failures.RecordRefusalAsync(await GrantedAsync(failures, user, userName), CancellationToken.None);

    /// <summary>Every row as (Teams user, username, still pending), in the order they were made.</summary>
    private static async Task<List<(string, string?, bool)>> RowsAsync(StorageInstance instance)
    {
        await using var context = await instance.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
        var rows = await context.SignInFailures.OrderBy(f => f.Id).Select(f => new { f.UserKey, f.TargetUserName, f.Pending }).ToListAsync();
        return [.. rows.Select(f => (f.UserKey, f.TargetUserName, f.Pending))];
    }

    public sealed class OnSqlite() : SignInFailureStoreTests(StorageProvider.Sqlite);

    public sealed class OnPostgres() : SignInFailureStoreTests(StorageProvider.Postgres);
}
