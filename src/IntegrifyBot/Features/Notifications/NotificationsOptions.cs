using System.ComponentModel.DataAnnotations;

namespace IntegrifyBot.Features.Notifications;

/// <summary>The "Notifications" configuration section.</summary>
public sealed class NotificationsOptions
{
    public const string SectionName = "Notifications";

    /// <summary>How often each linked user's tasks are read for new ones; each cycle is jittered by up to a tenth.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Notifications:PollInterval must be between one second and one day.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How many users' tasks are read from Integrify at once.</summary>
    [Range(1, 256)]
    public int PollConcurrency { get; set; } = 8;

    /// <summary>Whether this instance polls at all (push notifications work either way).</summary>
    public bool PollingEnabled { get; set; } = true;

    /// <summary>Teams' limit of messages from a bot to one conversation in a second.</summary>
    [Range(1, 1000)]
    public int ConversationMessagesPerSecond { get; set; } = 7;

    /// <summary>Teams' limit of messages from a bot to one conversation in 30 seconds.</summary>
    [Range(1, 10_000)]
    public int ConversationMessagesPer30Seconds { get; set; } = 60;

    /// <summary>Teams' limit of messages from a bot to a tenant in a second, divided among the instances that send.</summary>
    [Range(1, 10_000)]
    public int TenantMessagesPerSecond { get; set; } = 30;
}
