using System.Collections.Concurrent;
using IntegrifyBot.Integrify.Api;

namespace IntegrifyBot.Notifications;

/// <summary>
/// What a cycle gathers as it reads people, for a few statements at its end rather than a write
/// each: who was read as usual, and the outbox's rows of tasks now closed.
/// </summary>
internal sealed record CycleState(OutboxLookahead Outbox)
{
    public ConcurrentBag<IntegrifyUser> Polled { get; } = [];

    public ConcurrentBag<long> Closed { get; } = [];
}
