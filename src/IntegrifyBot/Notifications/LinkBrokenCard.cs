using IntegrifyBot.Cards.Model;
using IntegrifyBot.Cards;
using IntegrifyBot.Routing;

namespace IntegrifyBot.Notifications;

/// <summary>
/// Sent once, unasked, when the poller finds that the user's Integrify sign-in no longer works:
/// without it no new task can reach them, and they would not otherwise know.
/// </summary>
public static class LinkBrokenCard
{
    public static AdaptiveCard Build() => new()
    {
        FallbackText = "Your Integrify sign-in has expired: new tasks can't reach you in Teams until you sign in again.",
        Body =
        [
            new TextBlock("Your Integrify sign-in has expired") { Style = TextBlockStyle.Heading, Size = TextSize.Medium, Weight = TextWeight.Bolder },
            new TextBlock("Until you sign in again I can't see your tasks, so new ones won't reach you here. Nothing else changes: your settings stay as they are."),
        ],
        Actions = [CardActions.Execute("Sign in", RunCommandData.Verb, new RunCommandData("sign in"), ActionStyle.Positive)],
    };
}
