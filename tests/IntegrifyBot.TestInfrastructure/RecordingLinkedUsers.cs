using System.Collections.Concurrent;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Routing;

namespace IntegrifyBot.TestInfrastructure;

/// <summary>
/// The router's view of linking, for router tests: who has a link, whether the organisation links
/// people on the spot, and every turn the router asked about.
/// </summary>
internal sealed class RecordingLinkedUsers : ILinkedUsers
{
    private readonly ConcurrentDictionary<IntegrifyUser, bool> linked = new();

    /// <summary>Whether someone without a link is linked when asked, as zero-touch linking does.</summary>
    public bool LinksOnTheSpot { get; init; }

    public ConcurrentQueue<BotRequest> Asked { get; } = new();

    /// <summary>Who was linked on the spot, in order.</summary>
    public ConcurrentQueue<IntegrifyUser> LinkedOnTheSpot { get; } = new();

    public void Link(BotRequest turn) => linked[IntegrifyUsers.Of(turn)] = true;

    public Task<IntegrifyUser?> FindOrLinkAsync(BotRequest turn, CancellationToken cancellationToken)
    {
        Asked.Enqueue(turn);
        var user = IntegrifyUsers.Of(turn);
        if (linked.ContainsKey(user))
        {
            return Task.FromResult<IntegrifyUser?>(user);
        }

        if (LinksOnTheSpot)
        {
            linked[user] = true;
            LinkedOnTheSpot.Enqueue(user);
            return Task.FromResult<IntegrifyUser?>(user);
        }

        return Task.FromResult<IntegrifyUser?>(null);
    }
}
