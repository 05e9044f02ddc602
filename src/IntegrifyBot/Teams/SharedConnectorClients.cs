using System.Security.Claims;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Rest;
using Newtonsoft.Json;

namespace IntegrifyBot.Teams;

/// <summary>
/// One Bot Connector client per service URL, app id and audience, shared by every turn and proactive
/// message, instead of the new one the SDK's CloudAdapter makes for each turn. A new client builds
/// new JSON serializer settings with a new contract resolver, so each turn's replies paid for
/// Newtonsoft reading the Activity type afresh (reflection and dynamic methods compiled, then
/// finalized), and for new credentials. The SDK's older BotFrameworkAdapter kept its clients the same
/// way. A shared client is never disposed by a turn. Service URLs are few (Teams' regional connectors;
/// with an app id each is proven by the inbound token, and the request gate admits only known reply
/// addresses); how many are kept, and for how long, is <see cref="ExpiringClients{TKey, TClient}"/>'s.
/// </summary>
internal sealed class SharedConnectorClients(TimeProvider time)
{
    private readonly ExpiringClients<(string Identity, string ServiceUrl, string Audience), IConnectorClient> clients = new(time);

    /// <summary>The SDK's factory for this caller's identity, giving shared clients.</summary>
    public ConnectorFactory For(ClaimsIdentity? identity, ConnectorFactory inner) => new Factory(this, IdentityKey(identity), inner);

    /// <summary>The claims the SDK takes the bot's app id from (audience, then appid): what its credentials are made for.</summary>
    internal static string IdentityKey(ClaimsIdentity? identity) =>
        identity is null
            ? string.Empty
            : $"{identity.FindFirst(AuthenticationConstants.AudienceClaim)?.Value}|{identity.FindFirst(AuthenticationConstants.AppIdClaim)?.Value}|{identity.FindFirst(AuthenticationConstants.AuthorizedParty)?.Value}|{identity.FindFirst(AuthenticationConstants.VersionClaim)?.Value}";

    private Task<IConnectorClient> ClientAsync(string identity, ConnectorFactory inner, string serviceUrl, string audience, CancellationToken cancellationToken) =>
        clients.GetAsync(
            (identity, serviceUrl ?? string.Empty, audience ?? string.Empty),
            () => inner.CreateAsync(serviceUrl, audience, cancellationToken),
            created => new UndisposedClient(created));

    private sealed class Factory(SharedConnectorClients clients, string identity, ConnectorFactory inner) : ConnectorFactory
    {
        public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken) =>
            clients.ClientAsync(identity, inner, serviceUrl, audience, cancellationToken);
    }

    /// <summary>The shared client as a turn sees it: the SDK disposes the client at the end of each turn, which must not end this one.</summary>
    private sealed class UndisposedClient(IConnectorClient inner) : IConnectorClient
    {
        public Uri BaseUri
        {
            get => inner.BaseUri;
            set => throw new InvalidOperationException("A shared connector client's address does not change.");
        }

        public JsonSerializerSettings SerializationSettings => inner.SerializationSettings;

        public JsonSerializerSettings DeserializationSettings => inner.DeserializationSettings;

        public ServiceClientCredentials Credentials => inner.Credentials;

        public IAttachments Attachments => inner.Attachments;

        public IConversations Conversations => inner.Conversations;

        public void Dispose()
        {
        }
    }
}
