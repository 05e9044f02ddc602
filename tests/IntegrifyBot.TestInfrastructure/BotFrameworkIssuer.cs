using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IntegrifyBot.TestInfrastructure;

/// <summary>
/// The Bot Framework's token issuer, standing in on 127.0.0.1: it serves the OpenID metadata and the
/// key set (with the endorsements the SDK checks: this key may sign for msteams) over https, and signs
/// tokens as the Bot Connector does when it calls a bot. <see cref="GoDown"/> makes it answer 503, as
/// in an outage, and <see cref="GoAwayAsync"/> makes it unreachable. The bot is pointed at it only
/// through the SDK's own settings (<see cref="BotSettings"/>), which take it off the SDK's built-in
/// public-cloud path onto its parameterized one: both check tokens with the same JwtTokenExtractor.
/// </summary>
public sealed class BotFrameworkIssuer : IAsyncDisposable
{
    private const string KeyId = "bot-framework-test-key";
    private const string MetadataPath = ".well-known/openidconfiguration";
    private const string KeysPath = "keys";
    private static readonly string[] SigningAlgorithms = [SecurityAlgorithms.RsaSha256];

    private readonly WebApplication app;
    private readonly RSA key;
    private readonly X509Certificate2 certificate;
    private volatile bool down;

    private BotFrameworkIssuer(WebApplication app, RSA key, X509Certificate2 certificate, Uri address)
    {
        this.app = app;
        this.key = key;
        this.certificate = certificate;
        MetadataUrl = new Uri(address, MetadataPath).ToString();
    }

    /// <summary>Where the SDK reads the OpenID metadata, as the bot is configured with it.</summary>
    public string MetadataUrl { get; }

    public static async Task<BotFrameworkIssuer> StartAsync()
    {
        var key = RSA.Create(2048);
        var certificate = LoopbackCertificate();
        BotFrameworkIssuer? issuer = null;
        var (app, address) = await LoopbackApp.StartAsync(
            app =>
            {
                app.MapGet("/" + MetadataPath, () => issuer!.Answer(() => Results.Json(new
                {
                    issuer = AuthenticationConstants.ToBotFromChannelTokenIssuer,
                    jwks_uri = new Uri(new Uri(issuer!.MetadataUrl), "/" + KeysPath).ToString(),
                    id_token_signing_alg_values_supported = SigningAlgorithms,
                })));
                app.MapGet("/" + KeysPath, () => issuer!.Answer(() => Results.Json(new { keys = new[] { issuer!.PublicKey() } })));
            },
            certificate);
        issuer = new BotFrameworkIssuer(app, key, certificate, address);
        TrustForMetadata(issuer.MetadataUrl, certificate);
        return issuer;
    }

    /// <summary>
    /// The settings that point the SDK at this issuer: the public cloud's values
    /// (ConfigurationBotFrameworkAuthentication reads them all once one is set) but for the metadata.
    /// </summary>
    public Dictionary<string, string?> BotSettings() => new()
    {
        ["ToBotFromChannelOpenIdMetadataUrl"] = MetadataUrl,
        ["ToBotFromEmulatorOpenIdMetadataUrl"] = MetadataUrl,
        ["ToBotFromChannelTokenIssuer"] = AuthenticationConstants.ToBotFromChannelTokenIssuer,
        ["ToChannelFromBotOAuthScope"] = AuthenticationConstants.ToChannelFromBotOAuthScope,
        ["ToChannelFromBotLoginUrl"] = AuthenticationConstants.ToChannelFromBotLoginUrl,
        ["OAuthUrl"] = AuthenticationConstants.OAuthUrl,
        ["CallerId"] = CallerIdConstants.PublicAzureChannel,
    };

    /// <summary>A token as the Bot Connector sends with an activity for the production bot.</summary>
    /// <param name="change">Changes the token before it is signed (another audience, issuer or lifetime).</param>
    public string TokenFor(Uri serviceUrl, Action<SecurityTokenDescriptor>? change = null) => Sign(key, serviceUrl, change);

    /// <summary>A token like <see cref="TokenFor"/>'s in every way, naming the issuer's key, but signed with another.</summary>
    public static string Forged(Uri serviceUrl)
    {
        using var other = RSA.Create(2048);
        return Sign(other, serviceUrl, change: null);
    }

    /// <summary>From now on every request gets 503, as from a metadata host in an outage.</summary>
    public void GoDown() => down = true;

    /// <summary>Stops listening: from now on a connection is refused, as on a machine without internet.</summary>
    public Task GoAwayAsync() => app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        key.Dispose();
        certificate.Dispose();
    }

    private static string Sign(RSA signingKey, Uri serviceUrl, Action<SecurityTokenDescriptor>? change)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = AuthenticationConstants.ToBotFromChannelTokenIssuer,
            Audience = BotApp.ProductionAppId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            Claims = new Dictionary<string, object> { [AuthenticationConstants.ServiceUrlClaim] = serviceUrl.ToString() },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(signingKey) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        };
        change?.Invoke(descriptor);
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    private IResult Answer(Func<IResult> document) => down ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable) : document();

    private Dictionary<string, object> PublicKey()
    {
        var parameters = key.ExportParameters(includePrivateParameters: false);
        return new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["endorsements"] = new[] { Channels.Msteams },
        };
    }

    /// <summary>
    /// The SDK fetches metadata over https only, through a static HttpClient of its own that trusts the
    /// machine's roots, which this server's certificate is not among. Which HttpClient fetches a metadata
    /// URL is decided once per process by the first JwtTokenExtractor made for that URL (its static cache
    /// of configuration managers, one per URL): making that first one here, with a client that trusts
    /// this server's certificate and nothing else, lets the SDK reach this issuer without the bot or the
    /// machine trusting anything new. Each issuer has its own port, so its URL is new to the process.
    /// </summary>
    private static void TrustForMetadata(string metadataUrl, X509Certificate2 certificate)
    {
        var trusting = new SocketsHttpHandler();
        trusting.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) =>
            presented is not null && presented.GetRawCertData().AsSpan().SequenceEqual(certificate.RawDataMemory.Span);
        _ = new JwtTokenExtractor(new HttpClient(trusting), new TokenValidationParameters(), metadataUrl, AuthenticationConstants.AllowedSigningAlgorithms);
    }

    private static X509Certificate2 LoopbackCertificate()
    {
        using var certificateKey = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", certificateKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var selfSigned = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        // SslStream cannot use the ephemeral key CreateSelfSigned makes on every platform; one loaded from PKCS#12 it can.
        return X509CertificateLoader.LoadPkcs12(selfSigned.Export(X509ContentType.Pkcs12), password: null);
    }
}
