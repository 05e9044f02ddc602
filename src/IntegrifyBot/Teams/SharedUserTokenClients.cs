using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace IntegrifyBot.Teams;

/// <summary>
/// One Bot Framework token service client per bot identity, shared by every turn, instead of the new
/// one (with new credentials and a new REST client with its own JSON serializer settings) the SDK's
/// CloudAdapter makes for each turn and hands to it whether the turn asks for a user token or not.
/// The bot links people with its own sign-in, so the client is rarely used; it is made when first
/// needed by a turn of that identity and replaced after a while, as <see cref="SharedConnectorClients"/>
/// replaces its clients. Identities are few (the bot's app id, as the channel's or the emulator's
/// token names it): past <see cref="SharedConnectorClients.MaxClients"/> a client is made for the turn
/// alone, as the SDK does.
/// </summary>
internal sealed class SharedUserTokenClients(TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, Shared> clients = new(StringComparer.Ordinal);

    public async Task<UserTokenClient> ForAsync(ClaimsIdentity claimsIdentity, Func<Task<UserTokenClient>> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        var key = SharedConnectorClients.IdentityKey(claimsIdentity);
        if (clients.TryGetValue(key, out var shared) && shared.Until > time.GetUtcNow())
        {
            return shared.Client;
        }

        var created = await create().ConfigureAwait(false);
        var now = time.GetUtcNow();
        if (shared is null && clients.Count >= SharedConnectorClients.MaxClients)
        {
            foreach (var (held, entry) in clients)
            {
                if (entry.Until <= now)
                {
                    clients.TryRemove(new KeyValuePair<string, Shared>(held, entry));
                }
            }

            if (clients.Count >= SharedConnectorClients.MaxClients)
            {
                return created;
            }
        }

        // A client replaced is left to the garbage collector: a turn may still be using it.
        var fresh = new Shared(new UndisposedClient(created), now + Lifetime);
        clients[key] = fresh;
        return fresh.Client;
    }

    private sealed record Shared(UserTokenClient Client, DateTimeOffset Until);

    /// <summary>The shared client as a turn sees it: the SDK disposes it at the end of each turn, which must not end this one.</summary>
    private sealed class UndisposedClient(UserTokenClient inner) : UserTokenClient
    {
        public override Task<TokenResponse> GetUserTokenAsync(string userId, string connectionName, string channelId, string magicCode, CancellationToken cancellationToken) =>
            inner.GetUserTokenAsync(userId, connectionName, channelId, magicCode, cancellationToken);

        public override Task<SignInResource> GetSignInResourceAsync(string connectionName, Activity activity, string finalRedirect, CancellationToken cancellationToken) =>
            inner.GetSignInResourceAsync(connectionName, activity, finalRedirect, cancellationToken);

        public override Task SignOutUserAsync(string userId, string connectionName, string channelId, CancellationToken cancellationToken) =>
            inner.SignOutUserAsync(userId, connectionName, channelId, cancellationToken);

        public override Task<TokenStatus[]> GetTokenStatusAsync(string userId, string channelId, string includeFilter, CancellationToken cancellationToken) =>
            inner.GetTokenStatusAsync(userId, channelId, includeFilter, cancellationToken);

        public override Task<Dictionary<string, TokenResponse>> GetAadTokensAsync(string userId, string connectionName, string[] resourceUrls, string channelId, CancellationToken cancellationToken) =>
            inner.GetAadTokensAsync(userId, connectionName, resourceUrls, channelId, cancellationToken);

        public override Task<TokenResponse> ExchangeTokenAsync(string userId, string connectionName, string channelId, TokenExchangeRequest exchangeRequest, CancellationToken cancellationToken) =>
            inner.ExchangeTokenAsync(userId, connectionName, channelId, exchangeRequest, cancellationToken);

        /// <summary>Disposes the wrapper only (the SDK's base class holds nothing), never the shared client.</summary>
        protected override void Dispose(bool disposing) => base.Dispose(disposing);
    }
}
