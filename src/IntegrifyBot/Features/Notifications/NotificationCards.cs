using IntegrifyBot.Cards;
using IntegrifyBot.Cards.Model;
using IntegrifyBot.Routing;

namespace IntegrifyBot.Features.Notifications;

/// <summary>The card of a user's notification settings: a pure function from them to what the user sees.</summary>
public static class NotificationCards
{
    /// <param name="enabled">Whether the user gets new tasks as messages.</param>
    /// <param name="linked">Whether the user's Integrify account is linked: nothing is announced without it.</param>
    /// <param name="notice">What just changed, or what was not understood, or null.</param>
    public static AdaptiveCard Settings(bool enabled, bool linked, CardNotice? notice)
    {
        var body = new List<CardElement>();
        if (notice is not null)
        {
            body.Add(CardParts.Banner(notice.Text, notice.IsProblem));
        }

        body.Add(new TextBlock("Notifications") { Style = TextBlockStyle.Heading, Size = TextSize.Medium, Weight = TextWeight.Bolder });
        body.Add(new TextBlock(enabled
            ? "**On.** When Integrify gives you a new task, I send it to our personal chat with its buttons, so you can deal with it right there."
            : "**Off.** I don't message you about new tasks. They are still in your task list: send **tasks**."));
        var actions = new List<CardAction>
        {
            enabled
                ? CardActions.Execute("Turn off", NotificationVerbs.Set, new SetNotificationsData(false))
                : CardActions.Execute("Turn on", NotificationVerbs.Set, new SetNotificationsData(true), ActionStyle.Positive),
        };
        if (!linked)
        {
            body.Add(new TextBlock("Link your Integrify account first: until then I cannot see your tasks.") { Color = TextColor.Attention });
            actions.Add(CardActions.Execute("Sign in", RunCommandData.Verb, new RunCommandData("sign in")));
        }

        body.Add(new TextBlock("Send **notifications on** or **notifications off** at any time.") { IsSubtle = true, Size = TextSize.Small });
        return new AdaptiveCard
        {
            FallbackText = enabled ? "Notifications about new tasks are on." : "Notifications about new tasks are off.",
            Body = body,
            Actions = actions,
        };
    }

    /// <summary>
    /// Sent once, unasked, when the poller finds that the user's Integrify sign-in no longer works:
    /// without it no new task can reach them, and they would not otherwise know.
    /// </summary>
    public static AdaptiveCard LinkBroken() => new()
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
