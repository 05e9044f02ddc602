using IntegrifyBot.Cards.Model;

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

    /// <summary>
    /// Replaces the card whose button started this turn, after the turn has been answered: for work
    /// that outlasts Teams' time limit and says its outcome when done. It may be called once the turn
    /// is over; false when the turn came from no card or Teams refused the update.
    /// </summary>
    public Func<AdaptiveCard, CancellationToken, Task<bool>> UpdateClickedCard { get; init; } = (_, _) => Task.FromResult(false);
}
