using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using IntegrifyBot.Teams;
using IntegrifyBot.TestInfrastructure;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Rest;

namespace IntegrifyBot.FunctionalTests.Teams;

/// <summary>
/// Replies go through one Bot Connector client per service URL and bot identity, and turns get one
/// token service client per identity, kept across turns: the SDK's credentials factory (which every
/// new client goes through for its credentials) is asked once per service URL and identity, not once
/// per turn.
/// </summary>
public sealed class ConnectorClientReuseTests
{
    [Fact]
    public async Task Turns_from_one_service_url_share_a_client_and_another_service_url_gets_its_own()
    {
        var credentials = new RecordedCredentials();
        await using var first = await LocalConnector.StartAsync();
        await using var second = await LocalConnector.StartAsync();
        await using var bot = await BotApp.DemoWithSimulatorAsync(services: credentials.Register);
        using var client = bot.CreateBotClient();

        await HelpAsync(client, first);
        var afterFirstTurn = credentials.Made;
        await HelpAsync(client, first);
        await HelpAsync(client, first);
        Assert.Equal(afterFirstTurn, credentials.Made);

        // A new connector client for the new address; the token service client stays the identity's.
        await HelpAsync(client, second);
        await HelpAsync(client, second);
        Assert.Equal(afterFirstTurn + 1, credentials.Made);

        // The clients disposed by the SDK at the end of each turn still answer the next one.
        await HelpAsync(client, first);
        Assert.Equal(afterFirstTurn + 1, credentials.Made);
    }

    [Fact]
    public async Task Each_identity_and_audience_has_clients_of_its_own()
    {
        var credentials = new RecordedCredentials();
        await using var bot = BotApp.Production(services: credentials.Register);
        var authentication = bot.Services.GetRequiredService<BotFrameworkAuthentication>();
        var fromChannel = Identity(new Claim(AuthenticationConstants.AudienceClaim, BotApp.ProductionAppId));
        var fromEmulator = Identity(new Claim(AuthenticationConstants.AppIdClaim, BotApp.ProductionAppId), new Claim(AuthenticationConstants.VersionClaim, "1.0"));
        const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

        var one = await authentication.CreateConnectorFactory(fromChannel).CreateAsync(ServiceUrl, null!, CancellationToken.None);
        var again = await authentication.CreateConnectorFactory(fromChannel).CreateAsync(ServiceUrl, null!, CancellationToken.None);
        var otherIdentity = await authentication.CreateConnectorFactory(fromEmulator).CreateAsync(ServiceUrl, null!, CancellationToken.None);
        var otherAudience = await authentication.CreateConnectorFactory(fromChannel).CreateAsync(ServiceUrl, "https://api.botframework.us", CancellationToken.None);
        var otherUrl = await authentication.CreateConnectorFactory(fromChannel).CreateAsync("https://smba.trafficmanager.net/amer/", null!, CancellationToken.None);

        Assert.Same(one, again);
        Assert.NotSame(one, otherIdentity);
        Assert.NotSame(one, otherAudience);
        Assert.NotSame(one, otherUrl);
        Assert.Equal(new Uri(ServiceUrl), one.BaseUri);
        Assert.Equal(new Uri("https://smba.trafficmanager.net/amer/"), otherUrl.BaseUri);
        Assert.Equal(4, credentials.Made);
        Assert.All(credentials.AppIds, appId => Assert.Equal(BotApp.ProductionAppId, appId));
        Assert.Contains("https://api.botframework.us", credentials.Audiences);
    }

    [Fact]
    public async Task Past_its_bound_a_client_is_made_for_each_use_and_the_kept_ones_are_still_shared()
    {
        var credentials = new RecordedCredentials();
        await using var bot = BotApp.Production(services: credentials.Register);
        var factory = bot.Services.GetRequiredService<BotFrameworkAuthentication>()
            .CreateConnectorFactory(Identity(new Claim(AuthenticationConstants.AudienceClaim, BotApp.ProductionAppId)));

        for (var region = 0; region < ExpiringClients.MaxClients; region++)
        {
            await factory.CreateAsync($"https://smba.trafficmanager.net/r{region}/", null!, CancellationToken.None);
        }

        var beyond = await factory.CreateAsync("https://smba.trafficmanager.net/beyond/", null!, CancellationToken.None);
        var beyondAgain = await factory.CreateAsync("https://smba.trafficmanager.net/beyond/", null!, CancellationToken.None);
        var kept = await factory.CreateAsync("https://smba.trafficmanager.net/r0/", null!, CancellationToken.None);
        var keptAgain = await factory.CreateAsync("https://smba.trafficmanager.net/r0/", null!, CancellationToken.None);

        Assert.NotSame(beyond, beyondAgain);
        Assert.Same(kept, keptAgain);
        Assert.Equal(ExpiringClients.MaxClients + 2, credentials.Made);
    }

    private static async Task HelpAsync(HttpClient client, LocalConnector connector)
    {
        using var response = await client.PostAsJsonAsync("/api/messages", TeamsActivities.Message(connector.ServiceUrl, "help"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Here's what I can do", MessagesEndpointTests.CardTexts((await connector.NextAsync()).Card));
    }

    private static ClaimsIdentity Identity(params Claim[] claims) => new(claims, "Bearer");

    /// <summary>The bot's own credentials factory, recording each set of credentials it is asked for (one per client made).</summary>
    private sealed class RecordedCredentials
    {
        private readonly ConcurrentQueue<(string AppId, string Audience)> made = new();

        public int Made => made.Count;

        public IEnumerable<string> AppIds => made.Select(call => call.AppId);

        public IEnumerable<string> Audiences => made.Select(call => call.Audience);

        public void Register(IServiceCollection services) =>
            services.AddSingleton<ServiceClientCredentialsFactory>(provider =>
                new Recording(new ConfigurationServiceClientCredentialFactory(provider.GetRequiredService<IConfiguration>()), made));

        private sealed class Recording(ServiceClientCredentialsFactory inner, ConcurrentQueue<(string, string)> made) : ServiceClientCredentialsFactory
        {
            public override Task<bool> IsValidAppIdAsync(string appId, CancellationToken cancellationToken) => inner.IsValidAppIdAsync(appId, cancellationToken);

            public override Task<bool> IsAuthenticationDisabledAsync(CancellationToken cancellationToken) => inner.IsAuthenticationDisabledAsync(cancellationToken);

            public override Task<ServiceClientCredentials> CreateCredentialsAsync(string appId, string audience, string loginEndpoint, bool validateAuthority, CancellationToken cancellationToken)
            {
                made.Enqueue((appId, audience));
                return inner.CreateCredentialsAsync(appId, audience, loginEndpoint, validateAuthority, cancellationToken);
            }
        }
    }
}
