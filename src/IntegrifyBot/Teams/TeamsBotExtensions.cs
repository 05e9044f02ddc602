using IntegrifyBot.Conversations;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace IntegrifyBot.Teams;

public static class TeamsBotExtensions
{
    /// <summary>
    /// The Bot Framework adapter, the activity handler, and proactive messages. Authentication comes from the top-level
    /// MicrosoftApp* keys (ConfigurationBotFrameworkAuthentication): with an app id every inbound
    /// token is checked; without one (demo and development only) none is. A token the SDK refuses, or
    /// cannot verify for want of its signing keys, is said plainly (<see cref="InboundTokenAuthentication"/>).
    /// The credentials (from the same keys, built as the SDK builds them) are a service of their own so that
    /// tests, which cannot reach Microsoft Entra ID for an outbound token, can reply without one.
    /// </summary>
    public static IServiceCollection AddTeamsBot(this IServiceCollection services)
    {
        services.AddHttpClient();
        services.AddSingleton<ServiceClientCredentialsFactory>(provider => new ConfigurationServiceClientCredentialFactory(provider.GetRequiredService<IConfiguration>()));
        services.AddSingleton<SharedConnectorClients>();
        services.AddSingleton<SharedUserTokenClients>();
        services.AddSingleton<BotFrameworkAuthentication>(provider => new InboundTokenAuthentication(
            new ConfigurationBotFrameworkAuthentication(
                provider.GetRequiredService<IConfiguration>(),
                provider.GetRequiredService<ServiceClientCredentialsFactory>(),
                httpClientFactory: provider.GetRequiredService<IHttpClientFactory>(),
                logger: provider.GetRequiredService<ILogger<ConfigurationBotFrameworkAuthentication>>()),
            provider.GetRequiredService<SharedConnectorClients>(),
            provider.GetRequiredService<SharedUserTokenClients>()));
        services.AddSingleton<TenantGate>();
        services.AddSingleton<SenderProfiles>();
        services.AddSingleton<ClickedCardUpdates>();
        services.AddSingleton<MessageExtensionTurns>();
        services.AddSingleton<PersonalChatRecorder>();
        services.AddSingleton<BotAdapter>();
        services.AddSingleton<IBotFrameworkHttpAdapter>(provider => provider.GetRequiredService<BotAdapter>());
        services.AddSingleton<IProactiveSender, TeamsProactiveSender>();
        services.AddSingleton<ReplyAddresses>();
        services.AddSingleton<ActivityRequestGate>();
        services.AddTransient<IBot, TeamsBot>();
        services.AddTransient<MessagesEndpoint>();
        services.AddHostedService<AdapterWarmup>();
        return services;
    }

    /// <summary>POST /api/messages: where Teams (through the Bot Connector) sends every activity.</summary>
    public static IEndpointRouteBuilder MapTeamsBot(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", (HttpContext http, MessagesEndpoint endpoint) => endpoint.HandleAsync(http));
        return endpoints;
    }
}
