using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Storage;
using IntegrifyBot.Storage.Entities;
using IntegrifyBot.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrifyBot.FunctionalTests.Storage;

/// <summary>
/// The notification outbox and users' chat addresses on a real database created by the migrations:
/// SQLite and PostgreSQL.
/// </summary>
public abstract class NotificationStoreTests(StorageProvider provider) : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
    private readonly IntegrifyUser alex = new("tenant-1", "aad-alexw");
    private readonly IntegrifyUser megan = new("tenant-1", "aad-meganb");

    /// <summary>The tenants a sender claims for: the lease that decides them is tested in TenantSendLeaseTests.</summary>
    private static readonly string[] Tenants = ["tenant-1", "tenant-2"];

    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task A_task_is_queued_once_per_user_however_often_and_by_whomever_it_is_found()
    {
        await using var one = await StorageInstance.StartAsync(database, clock);
        await using var two = await StorageInstance.StartAsync(database, clock);

        var added = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            (i % 2 == 0 ? one : two).Services.GetRequiredService<NotificationOutbox>().EnqueueAsync(alex, "rt-1", i % 3 == 0 ? NotificationSource.Push : NotificationSource.Poll, null, CancellationToken.None)));
        var forMegan = await Outbox(one).EnqueueAsync(megan, "rt-1", NotificationSource.Poll, null, CancellationToken.None);

        Assert.Single(added, wasAdded => wasAdded);
        Assert.True(forMegan);
        await using var context = await Context(one);
        Assert.Equal(2, await context.Notifications.CountAsync());
    }

    [Fact]
    public async Task Tasks_known_before_watching_are_never_claimed()
    {
        await using var instance = await StorageInstance.StartAsync(database, clock);
        var outbox = Outbox(instance);

        await outbox.RecordKnownAsync(alex, ["rt-1", "rt-2"], CancellationToken.None);
        var queued = await outbox.EnqueueAsync(alex, "rt-2", NotificationSource.Push, null, CancellationToken.None);

        Assert.False(queued);
        Assert.Equal(["rt-1", "rt-2"], (await outbox.KnownAsync(alex, ["rt-1", "rt-2", "rt-3"], CancellationToken.None)).Order());
        Assert.Empty(await outbox.ClaimAsync("sender-1", Tenants, 10, Lease, CancellationToken.None));
    }

    [Fact]
    public async Task Recording_what_is_known_keeps_a_task_already_queued_and_writes_each_task_once()
    {
        await using var instance = await StorageInstance.StartAsync(database, clock);
        var outbox = Outbox(instance);
        await outbox.EnqueueAsync(alex, "rt-2", NotificationSource.Push, "From the process", CancellationToken.None);

        await outbox.RecordKnownAsync(alex, ["rt-1", "rt-2", "rt-3", "rt-1"], CancellationToken.None);
        await outbox.RecordKnownAsync(alex, ["rt-3", "rt-4"], CancellationToken.None);

        await using var context = await Context(instance);
        var rows = await context.Notifications.AsNoTracking().OrderBy(n => n.RecipientTaskSid).Select(n => new { n.RecipientTaskSid, n.State }).ToListAsync();
        Assert.Equal(
            [("rt-1", NotificationState.Known), ("rt-2", NotificationState.Pending), ("rt-3", NotificationState.Known), ("rt-4", NotificationState.Known)],
            rows.Select(row => (row.RecipientTaskSid, row.State)));
        Assert.Equal(["rt-2"], (await outbox.ClaimAsync("sender-1", Tenants, 10, Lease, CancellationToken.None)).Select(n => n.RecipientTaskSid));
    }

    [Fact]
    public async Task Two_senders_claiming_at_once_never_get_the_same_notification()
    {
        await using var one = await StorageInstance.StartAsync(database, clock);
        await using var two = await StorageInstance.StartAsync(database, clock);
        for (var i = 0; i < 40; i++)
        {
            await Outbox(one).EnqueueAsync(alex, $"rt-{i}", NotificationSource.Poll, null, CancellationToken.None);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Outbox(i % 2 == 0 ? one : two).ClaimAsync($"sender-{i}", Tenants, 7, Lease, CancellationToken.None)));

        var ids = claims.SelectMany(claim => claim.Select(notification => notification.Id)).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(40, ids.Count);
    }

    [Fact]
    public async Task A_claim_not_settled_comes_back_when_its_lease_ends_and_a_settled_one_does_not()
    {
        await using var instance = await StorageInstance.StartAsync(database, clock);
        var outbox = Outbox(instance);
        await outbox.EnqueueAsync(alex, "rt-1", NotificationSource.Push, "Please look at this today.", CancellationToken.None);
        await outbox.EnqueueAsync(alex, "rt-2", NotificationSource.Poll, null, CancellationToken.None);

        var first = await outbox.ClaimAsync("sender-1", Tenants, 10, Lease, CancellationToken.None);
        await outbox.MarkSentAsync(first.Single(n => n.RecipientTaskSid == "rt-2"), CancellationToken.None);
        var meanwhile = await outbox.ClaimAsync("sender-2", Tenants, 10, Lease, CancellationToken.None);
        clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var after = await outbox.ClaimAsync("sender-2", Tenants, 10, Lease, CancellationToken.None);

        Assert.Equal(2, first.Count);
        Assert.Equal("Please look at this today.", first.Single(n => n.RecipientTaskSid == "rt-1").Message);
        Assert.Empty(meanwhile);
        Assert.Equal(["rt-1"], after.Select(n => n.RecipientTaskSid));
        Assert.Equal(alex, after[0].User);
    }

    [Fact]
    public async Task A_sender_whose_lease_ran_out_cannot_overwrite_what_the_next_sender_did()
    {
        await using var instance = await StorageInstance.StartAsync(database, clock);
        var outbox = Outbox(instance);
        await outbox.EnqueueAsync(alex, "rt-1", NotificationSource.Poll, null, CancellationToken.None);
        var slow = Assert.Single(await outbox.ClaimAsync("sender-1", Tenants, 10, Lease, CancellationToken.None));
        clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var next = Assert.Single(await outbox.ClaimAsync("sender-2", Tenants, 10, Lease, CancellationToken.None));

        var nextSettled = await outbox.MarkSentAsync(next, CancellationToken.None);
        var slowSettled = await outbox.RetryAsync(slow, clock.GetUtcNow().AddMinutes(1), "Teams answered 503", countAttempt: true, CancellationToken.None);

        Assert.True(nextSettled);
        Assert.False(slowSettled);
        await using var context = await Context(instance);
        var row = await context.Notifications.SingleAsync();
        Assert.Equal(NotificationState.Sent, row.State);
        Assert.Equal(1, row.Attempts);
    }

    [Fact]
    public async Task A_failed_notification_waits_for_its_retry_time_and_a_dead_one_keeps_its_reason()
    {
        await using var instance = await StorageInstance.StartAsync(database, clock);
        var outbox = Outbox(instance);
        await outbox.EnqueueAsync(alex, "rt-1", NotificationSource.Poll, null, CancellationToken.None);
        await outbox.EnqueueAsync(alex, "rt-2", NotificationSource.Poll, null, CancellationToken.None);
        var claimed = await outbox.ClaimAsync("sender-1", Tenants, 10, Lease, CancellationToken.None);

        await outbox.RetryAsync(claimed[0], clock.GetUtcNow().AddSeconds(30), "Teams answered 429", countAttempt: false, CancellationToken.None);
        await outbox.KillAsync(claimed[1], "the user removed the app", CancellationToken.None);
        var early = await outbox.ClaimAsync("sender-1", Tenants, 10, Lease, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(30));
        var due = await outbox.ClaimAsync("sender-1", Tenants, 10, Lease, CancellationToken.None);

        Assert.Empty(early);
        Assert.Equal(["rt-1"], due.Select(n => n.RecipientTaskSid));
        Assert.Equal(0, due[0].Attempts);
        await using var context = await Context(instance);
        var dead = await context.Notifications.SingleAsync(n => n.RecipientTaskSid == "rt-2");
        Assert.Equal(NotificationState.Dead, dead.State);
        Assert.Equal("the user removed the app", dead.LastError);
        Assert.Equal(1, dead.Attempts);
    }

    [Fact]
    public async Task Settled_rows_of_closed_tasks_are_forgotten_after_a_while_and_nothing_else_is()
    {
        await using var instance = await StorageInstance.StartAsync(database, clock);
        var outbox = Outbox(instance);
        await outbox.RecordKnownAsync(alex, ["rt-known-open", "rt-known-closed"], CancellationToken.None);
        await outbox.EnqueueAsync(alex, "rt-sent-closed", NotificationSource.Poll, null, CancellationToken.None);
        await outbox.EnqueueAsync(alex, "rt-dead-closed", NotificationSource.Poll, null, CancellationToken.None);
        await outbox.EnqueueAsync(megan, "rt-sent-closed", NotificationSource.Poll, null, CancellationToken.None);
        var claimed = (await outbox.ClaimAsync("sender-1", Tenants, 10, Lease, CancellationToken.None)).ToDictionary(n => (n.User.UserId, n.RecipientTaskSid));
        await outbox.EnqueueAsync(alex, "rt-pending-closed", NotificationSource.Push, null, CancellationToken.None);
        await outbox.MarkSentAsync(claimed[(alex.UserId, "rt-sent-closed")], CancellationToken.None);
        await outbox.KillAsync(claimed[(alex.UserId, "rt-dead-closed")], "the user turned notifications off", CancellationToken.None);
        await outbox.MarkSentAsync(claimed[(megan.UserId, "rt-sent-closed")], CancellationToken.None);
        var recorded = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromHours(1));
        await outbox.EnqueueAsync(alex, "rt-new-closed", NotificationSource.Push, null, CancellationToken.None);
        await outbox.RecordKnownAsync(alex, ["rt-recent-closed"], CancellationToken.None);

        var tooEarly = await outbox.ForgetClosedAsync(alex, ["rt-known-open"], recorded, CancellationToken.None);
        var forgotten = await outbox.ForgetClosedAsync(alex, ["rt-known-open"], recorded.AddMinutes(1), CancellationToken.None);
        var again = await outbox.ForgetClosedAsync(alex, ["rt-known-open"], recorded.AddMinutes(1), CancellationToken.None);

        Assert.Equal((0, 3, 0), (tooEarly, forgotten, again));
        await using var context = await Context(instance);
        var left = await context.Notifications.AsNoTracking().Select(n => n.UserKey + "/" + n.RecipientTaskSid).ToListAsync();
        Assert.Equal(
            [$"{alex.UserId}/rt-known-open", $"{alex.UserId}/rt-new-closed", $"{alex.UserId}/rt-pending-closed", $"{alex.UserId}/rt-recent-closed", $"{megan.UserId}/rt-sent-closed"],
            left.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task What_the_outbox_holds_of_many_users_is_read_together_and_each_gets_only_their_own_rows()
    {
        await using var instance = await StorageInstance.StartAsync(database, clock);
        var outbox = Outbox(instance);
        var alexElsewhere = new IntegrifyUser("tenant-2", alex.UserId);
        var nobody = new IntegrifyUser("tenant-1", "aad-nobody");
        var many = Enumerable.Range(1, 600).Select(i => new IntegrifyUser("tenant-1", $"aad-{i}")).ToList();
        await outbox.RecordKnownAsync(alex, ["rt-1", "rt-2"], CancellationToken.None);
        await outbox.EnqueueAsync(alex, "rt-3", NotificationSource.Push, null, CancellationToken.None);
        await outbox.EnqueueAsync(alexElsewhere, "rt-9", NotificationSource.Poll, null, CancellationToken.None);
        await outbox.RecordKnownAsync(many[^1], ["rt-last"], CancellationToken.None);
        var recorded = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromHours(1));

        var held = await outbox.OfUsersAsync([alex, alexElsewhere, nobody, .. many], CancellationToken.None);
        var closed = held[alex].ClosedBefore(["rt-1"], recorded.AddMinutes(1));
        var forgotten = await outbox.ForgetAsync(closed, CancellationToken.None);

        Assert.Equal([many[^1], alex, alexElsewhere], held.Keys.OrderBy(user => user.ToString(), StringComparer.Ordinal));
        Assert.True(held[alex].Has("rt-1") && held[alex].Has("rt-2") && held[alex].Has("rt-3"));
        Assert.False(held[alex].Has("rt-9"));
        Assert.True(held[alexElsewhere].Has("rt-9"));
        Assert.False(held[alexElsewhere].Has("rt-1"));
        Assert.True(held[many[^1]].Has("rt-last"));
        Assert.Equal(1, forgotten);
        Assert.Equal(["rt-1", "rt-3"], (await outbox.KnownAsync(alex, ["rt-1", "rt-2", "rt-3"], CancellationToken.None)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_users_personal_chat_is_recorded_refreshed_and_retired()
    {
        await using var instance = await StorageInstance.StartAsync(database, clock);
        var addresses = instance.Services.GetRequiredService<ConversationAddresses>();

        await addresses.SaveAsync(new ConversationAddress(alex, "a:alex", "https://smba.trafficmanager.net/emea/", "28:bot"), CancellationToken.None);
        await addresses.SaveAsync(new ConversationAddress(alex, "a:alex", "https://smba.trafficmanager.net/amer/", "28:bot"), CancellationToken.None);
        var found = await addresses.FindAsync(alex, CancellationToken.None);
        await addresses.RetireAsync(alex, "a:alex", CancellationToken.None);

        Assert.Equal(new ConversationAddress(alex, "a:alex", "https://smba.trafficmanager.net/amer/", "28:bot"), found);
        Assert.Null(await addresses.FindAsync(alex, CancellationToken.None));
        Assert.Null(await addresses.FindAsync(megan, CancellationToken.None));
    }

    private static NotificationOutbox Outbox(StorageInstance instance) => instance.Services.GetRequiredService<NotificationOutbox>();

    private static async Task<BotDbContext> Context(StorageInstance instance) =>
        await instance.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();

    public sealed class OnSqlite() : NotificationStoreTests(StorageProvider.Sqlite);

    public sealed class OnPostgres() : NotificationStoreTests(StorageProvider.Postgres);
}
