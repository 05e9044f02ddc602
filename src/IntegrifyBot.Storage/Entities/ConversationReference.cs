namespace IntegrifyBot.Storage.Entities;

/// <summary>
/// Where the bot can reach a user proactively, for notifications: their personal chat with the bot.
/// Refreshed on every activity (Teams may move a conversation to another service URL), deleted when
/// the app is uninstalled or Teams says the conversation is gone.
/// </summary>
public sealed class ConversationReference
{
    public required string UserKey { get; set; }

    public required string ConversationId { get; set; }

    public required string ServiceUrl { get; set; }

    public required string TenantId { get; set; }

    /// <summary>personal, groupChat or channel, as Teams names it.</summary>
    public required string ConversationType { get; set; }

    /// <summary>The bot's id in that conversation ("28:…"), which a proactive message is sent from.</summary>
    public string BotId { get; set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; set; }
}
