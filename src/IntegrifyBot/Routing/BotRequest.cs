namespace IntegrifyBot.Routing;

/// <summary>
/// One turn of a conversation, as features see it: who, where, and in which language and time zone.
/// The Teams edge builds it from the incoming activity; features never see the activity itself.
/// </summary>
public sealed record BotRequest(TurnUser User, TurnConversation Conversation)
{
    /// <summary>The client's locale, such as "en-US" or "de-DE".</summary>
    public string Locale { get; init; } = "en-US";

    /// <summary>The client's IANA time zone, such as "Europe/Berlin", when Teams tells it.</summary>
    public string? TimeZone { get; init; }

    /// <summary>
    /// Asks Teams for the sender's profile (email, UPN). It is a call to Teams, so it happens only
    /// when a feature needs it; null when Teams does not know the sender.
    /// </summary>
    public Func<CancellationToken, Task<MemberProfile?>> LookUpSender { get; init; } = _ => Task.FromResult<MemberProfile?>(null);
}
