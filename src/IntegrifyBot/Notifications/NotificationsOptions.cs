using System.ComponentModel.DataAnnotations;

namespace IntegrifyBot.Notifications;

/// <summary>The "Notifications" configuration section.</summary>
public sealed class NotificationsOptions : IValidatableObject
{
    public const string SectionName = "Notifications";

    /// <summary>Shorter secrets can be guessed offline from one signed push.</summary>
    public const int MinimumPushSecretLength = 32;

    /// <summary>How often each linked user's tasks are read for new ones; each cycle is jittered by up to a tenth.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Notifications:PollInterval must be between one second and one day.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How many users' tasks are read from Integrify at once.</summary>
    [Range(1, 256, ErrorMessage = "Notifications:PollConcurrency must be between 1 and 256.")]
    public int PollConcurrency { get; set; } = 8;

    /// <summary>Whether this instance polls at all (push notifications work either way).</summary>
    public bool PollingEnabled { get; set; } = true;

    /// <summary>How often the bot looks whose daily digest is due: a digest comes at most this late after its hour.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Notifications:DigestCheckInterval must be between one second and one hour.")]
    public TimeSpan DigestCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Teams' limit of messages from a bot to one conversation in a second.</summary>
    [Range(1, 1000, ErrorMessage = "Notifications:ConversationMessagesPerSecond must be between 1 and 1000.")]
    public int ConversationMessagesPerSecond { get; set; } = 7;

    /// <summary>Teams' limit of messages from a bot to one conversation in 30 seconds.</summary>
    [Range(1, 10_000, ErrorMessage = "Notifications:ConversationMessagesPer30Seconds must be between 1 and 10000.")]
    public int ConversationMessagesPer30Seconds { get; set; } = 60;

    /// <summary>Teams' limit of messages from a bot to a tenant in a second: one instance at a time sends to a tenant, so it is Teams' own.</summary>
    [Range(1, 10_000, ErrorMessage = "Notifications:TenantMessagesPerSecond must be between 1 and 10000.")]
    public int TenantMessagesPerSecond { get; set; } = 30;

    /// <summary>Whether this instance sends what the outbox holds (it queues pushes and polls either way).</summary>
    public bool SendingEnabled { get; set; } = true;

    /// <summary>
    /// How often the sender looks at the outbox when nothing woke it: rows queued by another instance,
    /// and retries that came due, wait at most this long.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00", ErrorMessage = "Notifications:SenderInterval must be between 100 ms and ten minutes.")]
    public TimeSpan SenderInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long an instance's hold on a Teams tenant's sending lasts unless renewed: the longest the
    /// tenant's notifications pause when the instance dies (a stopping one hands its tenants over at once).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "Notifications:TenantLease must be between one second and five minutes.")]
    public TimeSpan TenantLease { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many notifications this instance prepares and sends at once.</summary>
    [Range(1, 128, ErrorMessage = "Notifications:SendConcurrency must be between 1 and 128.")]
    public int SendConcurrency { get; set; } = 16;

    /// <summary>
    /// The longest one notification may take to prepare and send (reading the task, waiting for a
    /// place within Teams' limits, Teams' answer); the sender's claim on a batch lasts four times this.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "Notifications:SendTimeout must be between one second and five minutes.")]
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts to send one notification (Teams failing, or Integrify refusing to read the task) before it is given up.</summary>
    [Range(1, 100, ErrorMessage = "Notifications:MaxAttempts must be between 1 and 100.")]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait after a first failure; it doubles after each further one (with jitter), up to an hour.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Notifications:RetryDelay must be between one second and one hour.")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The secret Integrify's pushes (POST /api/notifications/integrify) are signed with, shared with
    /// the process designer. Unset (or empty), the endpoint answers 404 as if it did not exist.
    /// </summary>
    public string? PushSecret { get; set; }

    public bool PushEnabled => !string.IsNullOrEmpty(PushSecret);

    /// <summary>How far a push's timestamp may be from the bot's clock, either way.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "01:00:00", ErrorMessage = "Notifications:PushTolerance must be between 30 seconds and one hour.")]
    public TimeSpan PushTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Also accepts the secret itself as a bearer token, for an Integrify REST Client step, which can
    /// send fixed headers but cannot compute a signature.
    /// </summary>
    public bool PushAcceptsBearer { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PushEnabled && PushSecret!.Trim().Length < MinimumPushSecretLength)
        {
            yield return new ValidationResult(
                $"Notifications:PushSecret must be at least {MinimumPushSecretLength} characters, such as the output of `openssl rand -hex 32` (leave it unset to turn Integrify's push off).",
                [nameof(PushSecret)]);
        }
    }
}
