using IntegrifyBot.Integrify.Api;

namespace IntegrifyBot.Routing;

/// <summary>
/// Who a turn's sender is in Integrify, for the routes that act as them. The router asks before such a
/// route runs, so that no handler checks linking itself; the linking feature answers it.
/// </summary>
public interface ILinkedUsers
{
    /// <summary>
    /// The sender's key when they have a link, or when one can be made for them on the spot (zero-touch
    /// linking); null when only the person can link, and the router answers with the link card instead.
    /// </summary>
    Task<IntegrifyUser?> FindOrLinkAsync(BotRequest turn, CancellationToken cancellationToken);
}
