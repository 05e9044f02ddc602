namespace IntegrifyBot.Storage.Entities;

/// <summary>Where the bot can reach a user proactively, one row per conversation, for notifications.</summary>
public sealed class ConversationReference
{
    public required string UserKey { get; set; }

    public required string ConversationId { get; set; }

    public required string ServiceUrl { get; set; }

    public required string TenantId { get; set; }

    /// <summary>personal, groupChat or channel, as Teams names it.</summary>
    public required string ConversationType { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
