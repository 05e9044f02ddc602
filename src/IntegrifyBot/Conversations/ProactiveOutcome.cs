namespace IntegrifyBot.Conversations;

/// <summary>What became of a proactive message.</summary>
/// <param name="Status">Teams' HTTP status, when it answered with one.</param>
/// <param name="RetryAfter">How long Teams asked the bot to wait (429's Retry-After).</param>
/// <param name="Problem">A short reason, without message contents, for logs and the outbox.</param>
public sealed record ProactiveOutcome(ProactiveResult Result, int? Status = null, TimeSpan? RetryAfter = null, string? Problem = null)
{
    public static ProactiveOutcome Delivered { get; } = new(ProactiveResult.Delivered);
}

public enum ProactiveResult
{
    /// <summary>Teams took the message.</summary>
    Delivered,

    /// <summary>429: too many messages; try again after Retry-After.</summary>
    Throttled,

    /// <summary>412, 5xx, no answer or a time-out: worth trying again later.</summary>
    Failed,

    /// <summary>403 or 404: the user blocked or uninstalled the app, or the conversation is gone.</summary>
    Gone,

    /// <summary>Refused for good (another 4xx, or the bot may not send there): trying again cannot help.</summary>
    Refused,
}
