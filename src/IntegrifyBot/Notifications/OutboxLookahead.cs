using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Storage;

namespace IntegrifyBot.Notifications;

/// <summary>
/// What the outbox holds of the people a poll cycle reads, read for a batch of them at a time, and
/// the next batch read while this one's tasks are: a query per few hundred people instead of one
/// each, and hardly anyone's turn waits on the database for it.
/// </summary>
internal sealed class OutboxLookahead
{
    /// <summary>People per read of the outbox: a few statements, not thousands, for a whole cycle.</summary>
    internal const int DefaultBatchSize = 250;

    private readonly IReadOnlyList<IntegrifyUser> people;
    private readonly int batchSize;
    private readonly Lazy<Task<IReadOnlyDictionary<IntegrifyUser, UserOutbox>>>[] batches;

    /// <param name="read">What the outbox holds of some people (<see cref="NotificationOutbox.OfUsersAsync"/>).</param>
    public OutboxLookahead(IReadOnlyList<IntegrifyUser> people, Func<IReadOnlyCollection<IntegrifyUser>, Task<IReadOnlyDictionary<IntegrifyUser, UserOutbox>>> read, int batchSize = DefaultBatchSize)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        this.people = people;
        this.batchSize = batchSize;
        batches = new Lazy<Task<IReadOnlyDictionary<IntegrifyUser, UserOutbox>>>[(people.Count + batchSize - 1) / batchSize];
        for (var batch = 0; batch < batches.Length; batch++)
        {
            IntegrifyUser[] members = [.. people.Skip(batch * batchSize).Take(batchSize)];
            batches[batch] = new(() => read(members));
        }
    }

    /// <summary>What the outbox held of the person at <paramref name="index"/> among the people, when their batch was read.</summary>
    public async Task<UserOutbox> OfAsync(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, people.Count);
        var batch = index / batchSize;
        if (batch + 1 < batches.Length && !batches[batch + 1].IsValueCreated)
        {
            // Started now, so that it is there when the first of the next batch is read; a failure of
            // it is seen by whoever of them waits for it.
            _ = batches[batch + 1].Value;
        }

        var held = await batches[batch].Value;
        return held.GetValueOrDefault(people[index]) ?? UserOutbox.Empty;
    }
}
