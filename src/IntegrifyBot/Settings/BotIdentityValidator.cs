using Microsoft.Extensions.Options;

namespace IntegrifyBot.Settings;

/// <summary>
/// Fails closed: in production the bot does not start unless it can check every inbound Bot
/// Framework token, which needs its app id, app type and tenant. In every mode, the keys the Bot
/// Framework SDK reads must be ones it accepts, which it would otherwise refuse with a stack trace
/// as the bot starts. Each failure is one line that says what to set.
/// </summary>
internal sealed class BotIdentityValidator(IOptions<BotOptions> bot) : IValidateOptions<BotIdentityOptions>
{
    /// <summary>The SDK's GovernmentAuthenticationConstants.ChannelService, named here outside the Teams edge.</summary>
    private const string GovernmentChannelService = "https://botframework.azure.us";

    private const string SingleTenant = "SingleTenant";
    private const string UserAssignedMsi = "UserAssignedMSI";

    public ValidateOptionsResult Validate(string? name, BotIdentityOptions options)
    {
        var failures = new List<string>();
        var appType = options.MicrosoftAppType;
        var typed = !string.IsNullOrWhiteSpace(appType);
        if (!options.HasAppId)
        {
            if (bot.Value.EffectiveMode == BotMode.Production)
            {
                failures.Add("MicrosoftAppId is not set: production mode needs the bot's Microsoft app id to check inbound requests (for a local demo set Bot:Mode=Demo).");
            }
            else if (Is(appType, SingleTenant) || Is(appType, UserAssignedMsi))
            {
                failures.Add($"MicrosoftAppType {appType} needs MicrosoftAppId: set the bot's app registration, or leave MicrosoftAppType unset to run without one.");
            }
        }
        else
        {
            failures.AddRange(IdentityProblems(options));
        }

        if ((typed || options.HasAppId) && !Is(appType, SingleTenant) && !Is(appType, UserAssignedMsi))
        {
            failures.Add("MicrosoftAppType must be SingleTenant or UserAssignedMSI, as Azure requires for new bots.");
        }

        if (!string.IsNullOrWhiteSpace(options.ChannelService) && !string.Equals(options.ChannelService, GovernmentChannelService, StringComparison.Ordinal))
        {
            failures.Add($"ChannelService must be unset (Azure's public cloud) or {GovernmentChannelService} (Azure US Government).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> IdentityProblems(BotIdentityOptions options)
    {
        if (!Guid.TryParse(options.MicrosoftAppId, out _))
        {
            yield return "MicrosoftAppId must be the bot's app (client) id, a GUID.";
        }

        if (!Guid.TryParse(options.MicrosoftAppTenantId, out _))
        {
            yield return "MicrosoftAppTenantId must be the tenant id (a GUID) of the bot's app registration.";
        }

        if (Is(options.MicrosoftAppType, SingleTenant) && string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
        {
            yield return "MicrosoftAppPassword (the client secret) is required for a SingleTenant bot.";
        }

        if (Is(options.MicrosoftAppType, UserAssignedMsi) && !string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
        {
            yield return "MicrosoftAppPassword must not be set for a UserAssignedMSI bot: it signs in with its managed identity.";
        }
    }

    private static bool Is(string? appType, string expected) => string.Equals(appType, expected, StringComparison.OrdinalIgnoreCase);
}
