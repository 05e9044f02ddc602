namespace IntegrifyBot.Storage.Entities;

/// <summary>
/// Which bot instance sends a Teams tenant's notifications, until when, and what Teams last asked of
/// the tenant. One instance at a time keeps the tenant's limits, as Teams counts them across all
/// of the bot's sends; what a 429 taught outlives the instance that learned it.
/// </summary>
public sealed class TenantSendLease
{
    // UTC DateTimes, not DateTimeOffsets: SQLite can compare only the former in queries.
    public required string TeamsTenantId { get; set; }

    /// <summary>The sender holding the lease (<c>NotificationSender.Name</c>); null when none ever did.</summary>
    public string? Holder { get; set; }

    /// <summary>The lease ends then unless its holder renews it; another instance may take it after.</summary>
    public DateTime HeldUntil { get; set; }

    /// <summary>Until when Teams asked the tenant to wait (the last 429's Retry-After).</summary>
    public DateTime? PausedUntil { get; set; }

    /// <summary>Messages a second Teams took for the tenant before its last 429, which the tenant keeps under for a while after the pause.</summary>
    public int? LearnedLimit { get; set; }
}
