using IntegrifyBot.Cards;
using IntegrifyBot.Routing;

namespace IntegrifyBot.Features.Tasks;

/// <summary>What a task button says when Integrify settles it otherwise: one wording, whether one task was acted on or several.</summary>
public static class TaskNotices
{
    /// <summary>Completed meanwhile, by anyone: said as such, never completed again.</summary>
    public static CardNotice AlreadyCompleted(long? instanceId, string? completedBy, DateTimeOffset? completedAt, string? outcome, BotRequest turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var who = string.IsNullOrWhiteSpace(completedBy) ? "someone" : CardText.Escape(completedBy, 100);
        var when = completedAt is { } at ? $" at {CardDates.Format(at, turn.Locale, turn.TimeZone)}" : string.Empty;
        var what = string.IsNullOrWhiteSpace(outcome) ? string.Empty : $" ({CardText.Escape(outcome, 100)})";
        return new CardNotice($"{Capitalised(TaskCards.Name(instanceId))} was already completed by {who}{when}{what}; nothing was sent again.", IsProblem: false);
    }

    /// <summary>Integrify refused the user the task (403, 404).</summary>
    public static CardNotice NoLongerYours(long? instanceId) =>
        new($"You can no longer act on {TaskCards.Name(instanceId)}: it was reassigned, withdrawn or is not yours.", IsProblem: true);

    public static string Capitalised(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
    }
}
