using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Storage;
using IntegrifyBot.Storage.Entities;
using IntegrifyBot.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrifyBot.FunctionalTests.Storage;

/// <summary>
/// Writes that several turns, pollers, pushes or instances make at the same moment for the same key,
/// on SQLite and PostgreSQL: one row results, every writer gets its answer, and none of them fails on
/// the key along the way (a failure that is caught still shows in the log as a database error).
/// Push signatures, recorded the same way, are tested with the push's store.
/// </summary>
public abstract class FirstWritesAtOnceTests(StorageProvider provider) : IAsyncLifetime
{
    private const int AtOnce = 10;
    private const int Rounds = 5;
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
    private readonly RecordedLogs logs = new();
    private TestDatabase database = null!;
    private StorageInstance one = null!;
    private StorageInstance two = null!;
    private int started;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        one = await StorageInstance.StartAsync(database, clock, logs: logs);
        two = await StorageInstance.StartAsync(database, clock, logs: logs);

        // Creating the database logs errors of its own on PostgreSQL (EF Core looks for its history table).
        started = logs.Count;
    }

    public async Task DisposeAsync()
    {
        await two.DisposeAsync();
        await one.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task A_new_users_settings_changed_by_many_turns_at_once_make_one_row_keeping_every_change()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var user = new IntegrifyUser("tenant-1", $"aad-new-{round}");

            await AtOnceAsync(i => Service<NotificationPreferences>(i).UpdateAsync(
                user,
                settings =>
                {
                    if (i % 2 == 0)
                    {
                        settings.TimeZone = "Europe/Berlin";
                    }
                    else
                    {
                        settings.Locale = "de-DE";
                    }
                },
                CancellationToken.None));

            await using var context = await ContextAsync();
            var row = await context.NotificationSettings.AsNoTracking().SingleAsync(s => s.UserKey == user.UserId);
            Assert.Equal("Europe/Berlin", row.TimeZone);
            Assert.Equal("de-DE", row.Locale);
            Assert.True(row.Enabled);
        }

        Assert.Empty(logs.FailedWrites(since: started));
    }

    [Fact]
    public async Task A_new_users_chat_recorded_by_many_turns_at_once_makes_one_row_that_a_later_move_still_updates()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var user = new IntegrifyUser("tenant-1", $"aad-new-{round}");
            var address = new ConversationAddress(user, $"a:new-{round}", "https://smba.trafficmanager.net/emea/", "28:bot");

            await AtOnceAsync(i => Service<ConversationAddresses>(i).SaveAsync(address, CancellationToken.None));
            clock.Advance(TimeSpan.FromMinutes(1));
            var moved = address with { ServiceUrl = "https://smba.trafficmanager.net/amer/" };
            await Service<ConversationAddresses>(round).SaveAsync(moved, CancellationToken.None);

            await using var context = await ContextAsync();
            var row = await context.ConversationReferences.AsNoTracking().SingleAsync(r => r.UserKey == user.UserId);
            Assert.Equal((moved.ServiceUrl, "personal", clock.GetUtcNow()), (row.ServiceUrl, row.ConversationType, row.UpdatedAt));
            Assert.Equal(moved, await Service<ConversationAddresses>(round).FindAsync(user, CancellationToken.None));
        }

        Assert.Empty(logs.FailedWrites(since: started));
    }

    [Fact]
    public async Task A_task_found_at_once_by_pushes_and_a_first_poll_is_queued_at_most_once_and_kept_once()
    {
        var alex = new IntegrifyUser("tenant-1", "aad-alexw");
        for (var round = 0; round < Rounds; round++)
        {
            var sids = Enumerable.Range(0, 20).Select(n => $"rt-{round}-{n}").ToList();
            var pushed = sids[round];
            var queued = new bool[AtOnce];

            await AtOnceAsync(async i =>
            {
                if (i == 0)
                {
                    await Service<NotificationOutbox>(i).RecordKnownAsync(alex, sids, CancellationToken.None);
                }
                else
                {
                    queued[i] = await Service<NotificationOutbox>(i).EnqueueAsync(alex, pushed, NotificationSource.Push, "New task", CancellationToken.None);
                }
            });

            await using var context = await ContextAsync();
            var rows = await context.Notifications.AsNoTracking().Where(n => sids.Contains(n.RecipientTaskSid)).ToListAsync();
            Assert.Equal(sids.Order(StringComparer.Ordinal), rows.Select(n => n.RecipientTaskSid).Order(StringComparer.Ordinal));
            var row = Assert.Single(rows, n => n.RecipientTaskSid == pushed);
            Assert.Equal(row.State == NotificationState.Pending ? 1 : 0, queued.Count(wasQueued => wasQueued));
            Assert.Equal(row.State == NotificationState.Pending ? "New task" : null, row.Message);
        }

        Assert.Empty(logs.FailedWrites(since: started));
    }

    // The writers alternate between the two instances, as turns spread over a load balancer.
    private T Service<T>(int writer)
        where T : notnull => (writer % 2 == 0 ? one : two).Services.GetRequiredService<T>();

    private async Task<BotDbContext> ContextAsync() =>
        await one.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();

    // Started together, so that they look for the row before any of them has written it.
    private static async Task AtOnceAsync(Func<int, Task> write)
    {
        using var start = new SemaphoreSlim(0);
        var writers = Enumerable.Range(0, AtOnce).Select(async i =>
        {
            await start.WaitAsync();
            await write(i);
        }).ToList();
        start.Release(AtOnce);
        await Task.WhenAll(writers);
    }

    public sealed class OnSqlite() : FirstWritesAtOnceTests(StorageProvider.Sqlite);

    public sealed class OnPostgres() : FirstWritesAtOnceTests(StorageProvider.Postgres);
}
