using IntegrifyBot.Cards.Model;

namespace IntegrifyBot.Cards;

/// <summary>
/// The cards a person sees when something goes wrong: always a plain explanation and, where trying
/// again can help, a button that does — never an error code or a stack trace.
/// </summary>
public static class ProblemCards
{
    public static AdaptiveCard Unexpected(ExecuteAction? retry) => Problem(
        "Something went wrong",
        "I couldn't finish that. Please try again in a moment; if it keeps happening, let your IT team know.",
        retry);

    public static AdaptiveCard TimedOut(ExecuteAction? retry) => Problem(
        "That is taking too long",
        "I stopped waiting so that Teams doesn't hang. Please try again in a moment.",
        retry);

    public static AdaptiveCard IntegrifyUnavailable(ExecuteAction? retry) => Problem(
        "Integrify isn't answering",
        "Integrify is not reachable or is having trouble right now, so nothing was changed. Please try again in a moment.",
        retry);

    public static AdaptiveCard Busy(ExecuteAction? retry) => Problem(
        "I'm busy right now",
        "Many people are asking me at once, so I couldn't get to yours yet and nothing was changed. Please try again in a moment.",
        retry);

    public static AdaptiveCard OutdatedCard() => Problem(
        "This card can't be used any more",
        "It is out of date or was changed, so I didn't act on it. Send **help** to start again.",
        retry: null);

    public static AdaptiveCard TenantNotAllowed() => Problem(
        "Not available for your organisation",
        "This Integrify bot is set up for other organisations only. Ask your IT team which Integrify app to use.",
        retry: null);

    private static AdaptiveCard Problem(string title, string explanation, ExecuteAction? retry) => new()
    {
        FallbackText = $"{title}. {explanation}",
        Body =
        [
            new TextBlock(title) { Style = TextBlockStyle.Heading, Size = TextSize.Medium, Weight = TextWeight.Bolder, Color = TextColor.Attention },
            new TextBlock(explanation),
        ],
        Actions = retry is null ? null : [retry],
    };
}
