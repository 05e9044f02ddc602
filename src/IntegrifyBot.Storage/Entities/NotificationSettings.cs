namespace IntegrifyBot.Storage.Entities;

/// <summary>A user's choices about notifications, and where polling for them stands.</summary>
public sealed class NotificationSettings
{
    // Times are UTC DateTime, not DateTimeOffset: SQLite can compare only the former in queries.
    public required string TeamsTenantId { get; set; }

    public required string UserKey { get; set; }

    /// <summary>Whether new tasks are announced; <c>notifications off</c> sets it false.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The hour (0–23, in <see cref="TimeZone"/>) of the daily digest of due and overdue tasks, or none.</summary>
    public int? DigestHour { get; set; }

    /// <summary>The user's IANA time zone, as Teams last said it.</summary>
    public string? TimeZone { get; set; }

    /// <summary>The user's locale ("de-DE"), as Teams last said it: notifications write dates and hours in it.</summary>
    public string? Locale { get; set; }

    /// <summary>The last day (in the user's zone) a digest was sent.</summary>
    public DateTime? LastDigestOn { get; set; }

    /// <summary>When the user's tasks were last read; null until the first poll, which announces nothing.</summary>
    public DateTime? LastPolledAt { get; set; }

    /// <summary>When the user was told that their Integrify link needs renewing, so that they are told once.</summary>
    public DateTime? BrokenLinkToldAt { get; set; }
}
