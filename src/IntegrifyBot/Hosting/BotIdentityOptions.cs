namespace IntegrifyBot.Hosting;

/// <summary>
/// The bot's Microsoft identity: the top-level keys that the Bot Framework SDK itself reads
/// (ConfigurationBotFrameworkAuthentication), bound here only to be validated at start.
/// </summary>
public sealed class BotIdentityOptions
{
    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    /// <summary>SingleTenant or UserAssignedMSI: Azure no longer creates multi-tenant bots.</summary>
    public string? MicrosoftAppType { get; set; }

    public string? MicrosoftAppTenantId { get; set; }

    public bool HasAppId => !string.IsNullOrWhiteSpace(MicrosoftAppId);
}
