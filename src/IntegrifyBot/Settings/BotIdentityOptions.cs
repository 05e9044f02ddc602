namespace IntegrifyBot.Settings;

/// <summary>
/// The bot's Microsoft identity: the top-level keys that the Bot Framework SDK itself reads
/// (ConfigurationBotFrameworkAuthentication), bound here only to be validated at start, because
/// the SDK stops the start with a stack trace on a value it cannot use.
/// </summary>
public sealed class BotIdentityOptions
{
    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    /// <summary>SingleTenant or UserAssignedMSI: Azure no longer creates multi-tenant bots.</summary>
    public string? MicrosoftAppType { get; set; }

    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>Unset for Azure's public cloud; the SDK knows one other value, its US Government cloud's.</summary>
    public string? ChannelService { get; set; }

    /// <summary>Whether the SDK validates the sign-in authority when it gets the bot's own tokens; true unless set.</summary>
    public bool? ValidateAuthority { get; set; }

    public bool HasAppId => !string.IsNullOrWhiteSpace(MicrosoftAppId);
}
