using System.Security.Claims;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace IntegrifyBot.Teams;

/// <summary>
/// One Bot Framework token service client per bot identity, shared by every turn, instead of the new
/// one (with new credentials and a new REST client with its own JSON serializer settings) the SDK's
/// CloudAdapter makes for each turn and hands to it whether the turn asks for a user token or not.
/// The bot links people with its own sign-in, so the client is rarely used; it is made when first
/// needed by a turn of that identity. Identities are few (the bot's app id, as the channel's or the
/// emulator's token names it); how many are kept, and for how long, is
/// <see cref="ExpiringClients{TKey, TClient}"/>'s.
/// </summary>
internal sealed class SharedUserTokenClients(TimeProvider time)
{
    private readonly ExpiringClients<string, UserTokenClient> clients = new(time);

    public Task<UserTokenClient> ForAsync(ClaimsIdentity claimsIdentity, Func<Task<UserTokenClient>> create) =>
        clients.GetAsync(SharedConnectorClients.IdentityKey(claimsIdentity), create, created => new UndisposedClient(created));

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
