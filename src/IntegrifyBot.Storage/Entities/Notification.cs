namespace IntegrifyBot.Storage.Entities;

/// <summary>
/// The outbox of task notifications: one row per user and task, unique, so that a task is never
/// announced twice, whoever found it (the poller or Integrify's push) and however many bot instances
/// share the database. A row is claimed by one sender at a time for a short lease; a sender that
/// dies leaves its lease to expire, and another sends the row.
/// </summary>
public sealed class Notification
{
    // Times are UTC DateTime, not DateTimeOffset: SQLite can compare only the former in queries.
    public long Id { get; set; }

    public required string TeamsTenantId { get; set; }

    public required string UserKey { get; set; }

    /// <summary>The task announced; for a daily digest, the day it is for (see <see cref="DailyDigest"/>).</summary>
    public required string RecipientTaskSid { get; set; }

    public NotificationSource Source { get; set; }

    /// <summary>As long as the outbox keeps <see cref="Message"/>.</summary>
    public const int MaxMessageLength = 500;

    /// <summary>A line shown above the task: the process designer's with a push, or who handed the task on.</summary>
    public string? Message { get; set; }

    public NotificationState State { get; set; }

    public int Attempts { get; set; }

    /// <summary>Not sent before this (a retry's back-off, or Teams' Retry-After).</summary>
    public DateTime NextAttemptAt { get; set; }

    /// <summary>Which sender holds the row, until when.</summary>
    public string? ClaimedBy { get; set; }

    public DateTime? ClaimedUntil { get; set; }

    /// <summary>Why the last attempt failed, or why the row is dead.</summary>
    public string? LastError { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? SentAt { get; set; }
}

/// <summary>How the bot learned of the task.</summary>
public enum NotificationSource
{
    Poll,
    Push,

    /// <summary>Not one task: the user's daily digest of due and overdue tasks, one row per day.</summary>
    Digest,
}

public enum NotificationState
{
    /// <summary>To be sent.</summary>
    Pending,

    /// <summary>Teams took it.</summary>
    Sent,

    /// <summary>Tried and failed; tried again at <see cref="Notification.NextAttemptAt"/>.</summary>
    Failed,

    /// <summary>Given up: too many attempts, or nowhere to send it. The reason is kept.</summary>
    Dead,

    /// <summary>Already open when the user's first poll saw it: known, never announced.</summary>
    Known,
}
