using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Storage;
using IntegrifyBot.Storage.Entities;
using IntegrifyBot.TestInfrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrifyBot.FunctionalTests.Storage;

/// <summary>
/// The tenants' sending leases on a real database created by the migrations, SQLite and PostgreSQL,
/// as instances of the bot see them: each through its own services on the one database.
/// </summary>
public abstract class TenantSendLeaseTests(StorageProvider provider) : IAsyncLifetime
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(10);
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task A_tenant_is_one_senders_until_its_lease_lapses_then_another_takes_it_over()
    {
        await using var one = await StorageInstance.StartAsync(database, clock);
        await using var two = await StorageInstance.StartAsync(database, clock);
        await QueueAsync(one, "tenant-1", "rt-1");

        Assert.Equal(["tenant-1"], Ids(await Leases(one).HoldAsync("one", await Leases(one).WaitingAsync("one", CancellationToken.None), Lease, CancellationToken.None)));

        // The other sees nothing waiting that it may send, and cannot take the tenant while the lease runs.
        Assert.Empty(await Leases(two).WaitingAsync("two", CancellationToken.None));
        Assert.Empty(await Leases(two).HoldAsync("two", ["tenant-1"], Lease, CancellationToken.None));
        Assert.Empty(await Outbox(two).ClaimAsync("two", [], 10, Lease, CancellationToken.None));

        // The holder stops renewing (it died): once the lease has lapsed, the other takes the tenant.
        clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var waiting = await Leases(two).WaitingAsync("two", CancellationToken.None);
        Assert.Equal(["tenant-1"], waiting);
        Assert.Equal(["tenant-1"], Ids(await Leases(two).HoldAsync("two", waiting, Lease, CancellationToken.None)));
        Assert.Equal(["rt-1"], (await Outbox(two).ClaimAsync("two", ["tenant-1"], 10, Lease, CancellationToken.None)).Select(n => n.RecipientTaskSid));
    }

    [Fact]
    public async Task A_sender_renewing_through_a_long_batch_keeps_its_tenants()
    {
        await using var one = await StorageInstance.StartAsync(database, clock);
        await QueueAsync(one, "tenant-1", "rt-1");
        await Leases(one).HoldAsync("one", ["tenant-1"], Lease, CancellationToken.None);

        for (var i = 0; i < 3; i++)
        {
            clock.Advance(Lease / 2);
            await Leases(one).RenewAsync("one", Lease, CancellationToken.None);
        }

        Assert.Empty(await Leases(one).HoldAsync("two", ["tenant-1"], Lease, CancellationToken.None));
    }

    [Fact]
    public async Task A_stopping_sender_hands_its_tenants_over_at_once()
    {
        await using var one = await StorageInstance.StartAsync(database, clock);
        await QueueAsync(one, "tenant-1", "rt-1");
        await Leases(one).HoldAsync("one", ["tenant-1"], Lease, CancellationToken.None);

        await Leases(one).ReleaseAsync("one", CancellationToken.None);

        Assert.Equal(["tenant-1"], Ids(await Leases(one).HoldAsync("two", ["tenant-1"], Lease, CancellationToken.None)));
    }

    [Fact]
    public async Task Live_senders_share_the_tenants_evenly_and_one_started_later_gets_its_part()
    {
        await using var one = await StorageInstance.StartAsync(database, clock);
        string[] tenants = ["tenant-1", "tenant-2", "tenant-3", "tenant-4"];
        foreach (var tenant in tenants)
        {
            await QueueAsync(one, tenant, "rt-" + tenant);
        }

        // Alone, the first sender takes every tenant waiting.
        Assert.Equal(tenants, Ids(await Leases(one).HoldAsync("one", tenants, Lease, CancellationToken.None)).Order());

        // A second one comes alive: at its next look the first hands back half, which the second takes.
        Assert.Empty(await Leases(one).HoldAsync("two", [], Lease, CancellationToken.None));
        var kept = Ids(await Leases(one).HoldAsync("one", tenants, Lease, CancellationToken.None));
        var taken = Ids(await Leases(one).HoldAsync("two", await Leases(one).WaitingAsync("two", CancellationToken.None), Lease, CancellationToken.None));

        Assert.Equal(2, kept.Count);
        Assert.Equal(2, taken.Count);
        Assert.Equal(tenants, kept.Concat(taken).Order());
    }

    [Fact]
    public async Task What_a_429_taught_about_a_tenant_passes_to_the_sender_that_takes_it_over()
    {
        await using var one = await StorageInstance.StartAsync(database, clock);
        await QueueAsync(one, "tenant-1", "rt-1");
        await Leases(one).HoldAsync("one", ["tenant-1"], Lease, CancellationToken.None);
        var pausedUntil = clock.GetUtcNow().AddSeconds(3);

        await Leases(one).RecordPauseAsync("tenant-1", pausedUntil, learnedLimit: 21, CancellationToken.None);
        await Leases(one).ReleaseAsync("one", CancellationToken.None);

        var held = Assert.Single(await Leases(one).HoldAsync("two", ["tenant-1"], Lease, CancellationToken.None));
        Assert.Equal(pausedUntil, held.PausedUntil);
        Assert.Equal(21, held.LearnedLimit);
    }

    [Fact]
    public async Task Two_senders_taking_one_tenant_at_the_same_moment_get_it_once()
    {
        await using var one = await StorageInstance.StartAsync(database, clock);
        await using var two = await StorageInstance.StartAsync(database, clock);
        await QueueAsync(one, "tenant-1", "rt-1");

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Leases(i % 2 == 0 ? one : two).HoldAsync($"sender-{i}", ["tenant-1"], Lease, CancellationToken.None)));

        Assert.Single(results, held => held.Count == 1);
    }

    private static Task<bool> QueueAsync(StorageInstance instance, string tenant, string recipientTaskSid) =>
        Outbox(instance).EnqueueAsync(new IntegrifyUser(tenant, "aad-alexw"), recipientTaskSid, NotificationSource.Push, null, CancellationToken.None);

    private static List<string> Ids(IEnumerable<HeldTenant> held) => [.. held.Select(tenant => tenant.TeamsTenantId)];

    private static TenantSendLeases Leases(StorageInstance instance) => instance.Services.GetRequiredService<TenantSendLeases>();

    private static NotificationOutbox Outbox(StorageInstance instance) => instance.Services.GetRequiredService<NotificationOutbox>();

    public sealed class OnSqlite() : TenantSendLeaseTests(StorageProvider.Sqlite);

    public sealed class OnPostgres() : TenantSendLeaseTests(StorageProvider.Postgres);
}
