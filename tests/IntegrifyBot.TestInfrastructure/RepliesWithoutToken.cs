using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Rest;

namespace IntegrifyBot.TestInfrastructure;

/// <summary>
/// The production bot's credentials less the outbound token: a reply needs a token from Microsoft
/// Entra ID, which no test can reach, so replies go without one (the LocalConnector does not ask for
/// it). Whether a token is for this bot, part of every inbound check, is still answered by the bot's
/// own credentials.
/// </summary>
public sealed class RepliesWithoutToken(ServiceClientCredentialsFactory credentials) : ServiceClientCredentialsFactory
{
    /// <summary>Puts this in place of the credentials the bot built from its configuration.</summary>
    public static void Use(IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton<ServiceClientCredentialsFactory>(provider =>
            new RepliesWithoutToken(new ConfigurationServiceClientCredentialFactory(provider.GetRequiredService<IConfiguration>()))));

    public override Task<bool> IsValidAppIdAsync(string appId, CancellationToken cancellationToken) =>
        credentials.IsValidAppIdAsync(appId, cancellationToken);

    public override Task<bool> IsAuthenticationDisabledAsync(CancellationToken cancellationToken) =>
        credentials.IsAuthenticationDisabledAsync(cancellationToken);

    public override Task<ServiceClientCredentials> CreateCredentialsAsync(string appId, string audience, string loginEndpoint, bool validateAuthority, CancellationToken cancellationToken) =>
        Task.FromResult<ServiceClientCredentials>(MicrosoftAppCredentials.Empty);
}
