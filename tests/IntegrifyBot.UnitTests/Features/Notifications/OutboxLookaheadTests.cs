using System.Collections.Concurrent;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Notifications;
using IntegrifyBot.Storage;
using IntegrifyBot.Storage.Entities;

namespace IntegrifyBot.UnitTests.Features.Notifications;

/// <summary>
/// A poll cycle reads what the outbox holds a batch of people at a time, and compares each person's
/// open tasks with it in memory: which are known, and which rows are of tasks now closed.
/// </summary>
public sealed class OutboxLookaheadTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Each_batch_of_people_is_read_once_however_many_ask_and_everyone_gets_their_own_rows()
    {
        var people = Enumerable.Range(1, 25).Select(i => new IntegrifyUser("tenant-1", $"aad-{i}")).ToList();
        var reads = new ConcurrentQueue<IntegrifyUser[]>();
        var lookahead = new OutboxLookahead(
            people,
            async some =>
            {
                reads.Enqueue([.. some]);
                await Task.Yield();
                return some.Where(user => user.UserId != "aad-7")
                    .ToDictionary(user => user, user => new UserOutbox([new UserOutbox.Row(1, $"rt-of-{user.UserId}", NotificationState.Known, Now.UtcDateTime)]));
            },
            batchSize: 10);

        var held = await Task.WhenAll(Enumerable.Range(0, people.Count).Reverse().Select(index => Task.Run(() => lookahead.OfAsync(index))));
        held = [.. held.Reverse()];

        Assert.Equal(
            [["aad-1", "aad-2", "aad-3", "aad-4", "aad-5", "aad-6", "aad-7", "aad-8", "aad-9", "aad-10"], ["aad-11", "aad-12", "aad-13", "aad-14", "aad-15", "aad-16", "aad-17", "aad-18", "aad-19", "aad-20"], ["aad-21", "aad-22", "aad-23", "aad-24", "aad-25"]],
            reads.Select(batch => batch.Select(user => user.UserId).ToArray()).OrderBy(batch => int.Parse(batch[0]["aad-".Length..], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(held[2].Has("rt-of-aad-3"));
        Assert.False(held[2].Has("rt-of-aad-4"));
        Assert.True(held[24].Has("rt-of-aad-25"));
        Assert.False(held[6].Has("rt-of-aad-7"));
    }

    [Fact]
    public async Task The_next_batch_is_read_as_soon_as_someone_of_this_one_asks()
    {
        var people = Enumerable.Range(1, 5).Select(i => new IntegrifyUser("tenant-1", $"aad-{i}")).ToList();
        var reads = new ConcurrentQueue<string>();
        var lookahead = new OutboxLookahead(
            people,
            some =>
            {
                reads.Enqueue(some.First().UserId);
                return Task.FromResult<IReadOnlyDictionary<IntegrifyUser, UserOutbox>>(new Dictionary<IntegrifyUser, UserOutbox>());
            },
            batchSize: 2);

        var held = await lookahead.OfAsync(0);

        Assert.Same(UserOutbox.Empty, held);
        Assert.Equal(["aad-1", "aad-3"], reads.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(40)]
    public void Only_settled_rows_of_closed_tasks_recorded_before_the_cutoff_may_be_forgotten(int otherOpenTasks)
    {
        var before = Now.AddHours(-1).UtcDateTime;
        var after = Now.AddHours(1).UtcDateTime;
        var held = new UserOutbox(
        [
            new(1, "rt-known-open", NotificationState.Known, before),
            new(2, "rt-known-closed", NotificationState.Known, before),
            new(3, "rt-sent-closed", NotificationState.Sent, before),
            new(4, "rt-dead-closed", NotificationState.Dead, before),
            new(5, "rt-pending-closed", NotificationState.Pending, before),
            new(6, "rt-failed-closed", NotificationState.Failed, before),
            new(7, "rt-recent-closed", NotificationState.Known, after),
            new(8, "2026-11-27", NotificationState.Sent, before),
        ]);
        string[] open = ["rt-known-open", .. Enumerable.Range(1, otherOpenTasks).Select(i => $"rt-other-{i}")];

        Assert.Equal([2, 3, 4, 8], held.ClosedBefore(open, Now));
        Assert.Empty(held.ClosedBefore(open, Now.AddHours(-2)));
        Assert.True(held.Has("rt-pending-closed"));
        Assert.False(held.Has("RT-KNOWN-OPEN"));
        Assert.Empty(UserOutbox.Empty.ClosedBefore(open, Now));
    }
}
