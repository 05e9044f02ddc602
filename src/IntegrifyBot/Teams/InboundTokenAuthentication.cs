using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.IdentityModel.Tokens;

namespace IntegrifyBot.Teams;

/// <summary>
/// The SDK's check of inbound tokens, with its failures said plainly: a token it refuses becomes a
/// <see cref="RefusedTokenException"/> (an UnauthorizedAccessException: 401), and "cannot verify any
/// token now" becomes an <see cref="OpenIdMetadataUnavailableException"/> (503). The SDK itself throws
/// UnauthorizedAccessException, IdentityModel's SecurityTokenExceptions, ArgumentException for a token
/// it cannot parse, and InvalidOperationException IDX20803 (with a stack trace in its message) when it
/// has no signing keys; anything else is left as it is.
/// </summary>
/// <remarks>
/// How the signing keys are kept (Bot Framework SDK 4.23.1: JwtTokenExtractor; Microsoft.IdentityModel
/// 8.23: ConfigurationManager&lt;T&gt;), and so what a metadata outage does:
/// <list type="bullet">
/// <item>JwtTokenExtractor holds, in static dictionaries keyed by metadata URL, one ConfigurationManager
/// for the OpenID configuration and its keys and one for the keys' endorsements (the channels each key
/// may sign for). They live as long as the process; every request shares them.</item>
/// <item>The first token that names an accepted issuer fetches the keys, the first whose signature holds
/// fetches the endorsements; later tokens use what was fetched, with no request to the metadata host.
/// 12 hours after a fetch (plus up to 5% jitter), a check still gets the keys it has at once and starts
/// a refresh in the background; if that refresh fails, IdentityModel logs it to its own event source and
/// keeps the keys, with no time limit, and a later check tries again. So once a genuine token was
/// verified, an outage of the metadata host, short or long, refuses no genuine token. Only a key
/// Microsoft starts signing with during the outage stays unknown until a refresh succeeds: the SDK never
/// asks for a refresh when a token names an unknown key. (IdentityModel's "last known good
/// configuration", with its one-hour lifetime, plays no part: token handlers use it only when given the
/// ConfigurationManager itself, and the SDK gives them the keys.)</item>
/// <item>Until a fetch has succeeded, every check fetches again (IdentityModel's default, non-blocking
/// mode has no back-off then), one at a time, and fails with IDX20803 while the host is unreachable.
/// Nothing can be verified then: that is the outage this class reports.</item>
/// <item>The SDK lets none of this be configured: the managers and their intervals are private to
/// JwtTokenExtractor, the HttpClient that fetches metadata is the SDK's own static one (100-second
/// timeout), and the keys are kept in memory only, so an instance that starts during an outage has none
/// until the host answers. What the SDK does offer is the metadata URLs themselves
/// (ToBotFromChannelOpenIdMetadataUrl and ToBotFromEmulatorOpenIdMetadataUrl, read by
/// ConfigurationBotFrameworkAuthentication), which must be https: IdentityModel's document retriever
/// refuses anything else.</item>
/// </list>
/// </remarks>
internal sealed partial class InboundTokenAuthentication(BotFrameworkAuthentication inner, SharedConnectorClients connectorClients, SharedUserTokenClients userTokenClients) : BotFrameworkAuthentication
{
    /// <summary>IdentityModel's "Unable to obtain configuration from: '{address}'", thrown when it has none.</summary>
    private const string NoConfiguration = "IDX20803:";

    /// <summary>IdentityModel's wrapper around a failed request: "Unable to retrieve document from: '{address}'".</summary>
    private const string DocumentNotRetrieved = "IDX20804:";

    /// <summary>Where IdentityModel's document retriever keeps the status code of an unsuccessful answer.</summary>
    private const string StatusCodeKey = "status_code";

    private const int MaxCauseLength = 200;

    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken)
    {
        var result = await ExplainedAsync(() => inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken));
        result.ConnectorFactory = connectorClients.For(result.ClaimsIdentity, result.ConnectorFactory);
        return result;
    }

    public override Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken) =>
        ExplainedAsync(() => inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken));

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        ExplainedAsync(() => inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken));

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) => connectorClients.For(claimsIdentity, inner.CreateConnectorFactory(claimsIdentity));

    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        userTokenClients.ForAsync(claimsIdentity, () => inner.CreateUserTokenClientAsync(claimsIdentity, cancellationToken));

    public override BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    private static async Task<T> ExplainedAsync<T>(Func<Task<T>> check)
    {
        try
        {
            return await check();
        }
        catch (Exception exception) when (Explain(exception) is { } explained)
        {
            throw explained;
        }
    }

    /// <summary>What a failure of the SDK's check means, or null to let it go as it is.</summary>
    private static Exception? Explain(Exception exception) => exception switch
    {
        RefusedTokenException or OpenIdMetadataUnavailableException or OperationCanceledException => null,
        InvalidOperationException when exception.Message.StartsWith(NoConfiguration, StringComparison.Ordinal) =>
            new OpenIdMetadataUnavailableException(AddressIn(exception.Message), CauseOf(exception)),

        // The SDK's own messages name a claim or a rule, and their values only once the signature held.
        UnauthorizedAccessException => new RefusedTokenException(exception.Message),

        // IdentityModel's messages can carry the token (when PII logging is on): only the kind is kept.
        SecurityTokenException or ArgumentException => new RefusedTokenException(exception.GetType().Name),
        _ => null,
    };

    private static string AddressIn(string message) =>
        ConfigurationAddress().Match(message) is { Success: true } match ? match.Groups["address"].Value : "(address not given)";

    /// <summary>
    /// What went wrong under IdentityModel's wrappers: the host's status code (which IdentityModel keeps in
    /// the exception's Data), or the first line of the first exception that says more than "unable to
    /// retrieve document", such as a refused connection, an unknown host or a timeout.
    /// </summary>
    private static string CauseOf(Exception exception)
    {
        var cause = exception.InnerException;
        while (cause is IOException && cause.Message.StartsWith(DocumentNotRetrieved, StringComparison.Ordinal) && cause.InnerException is not null)
        {
            cause = cause.InnerException;
        }

        if (cause is null)
        {
            return "no cause given";
        }

        if (cause.Data[StatusCodeKey] is HttpStatusCode status)
        {
            return $"the host answered {(int)status} {status}";
        }

        var said = $"{cause.GetType().Name}: {cause.Message.Split('\n', 2)[0].TrimEnd('\r')}";
        return said.Length <= MaxCauseLength ? said : said[..MaxCauseLength] + "…";
    }

    [GeneratedRegex(@"^IDX20803: Unable to obtain configuration from: '(?<address>[^']*)'", RegexOptions.CultureInvariant)]
    private static partial Regex ConfigurationAddress();
}
