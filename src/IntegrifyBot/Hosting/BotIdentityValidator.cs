using Microsoft.Extensions.Options;

namespace IntegrifyBot.Hosting;

/// <summary>
/// Fails closed: in production the bot does not start unless it can check every inbound Bot
/// Framework token, which needs its app id, app type and tenant. Each failure is one line that says
/// what to set.
/// </summary>
internal sealed class BotIdentityValidator(IOptions<BotOptions> bot) : IValidateOptions<BotIdentityOptions>
{
    private static readonly string[] AppTypes = ["SingleTenant", "UserAssignedMSI"];

    public ValidateOptionsResult Validate(string? name, BotIdentityOptions options)
    {
        var mode = bot.Value.EffectiveMode;
        if (!options.HasAppId)
        {
            return mode == BotMode.Production
                ? ValidateOptionsResult.Fail("MicrosoftAppId is not set: production mode needs the bot's Microsoft app id to check inbound requests (for a local demo set Bot:Mode=Demo).")
                : ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!Guid.TryParse(options.MicrosoftAppId, out _))
        {
            failures.Add("MicrosoftAppId must be the bot's app (client) id, a GUID.");
        }

        if (!AppTypes.Contains(options.MicrosoftAppType, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add("MicrosoftAppType must be SingleTenant or UserAssignedMSI, as Azure requires for new bots.");
        }

        if (!Guid.TryParse(options.MicrosoftAppTenantId, out _))
        {
            failures.Add("MicrosoftAppTenantId must be the tenant id (a GUID) of the bot's app registration.");
        }

        if (string.Equals(options.MicrosoftAppType, "SingleTenant", StringComparison.OrdinalIgnoreCase)
            && string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
        {
            failures.Add("MicrosoftAppPassword (the client secret) is required for a SingleTenant bot.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
