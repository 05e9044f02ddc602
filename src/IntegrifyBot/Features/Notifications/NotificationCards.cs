using System.Globalization;
using IntegrifyBot.Cards;
using IntegrifyBot.Cards.Model;
using IntegrifyBot.Notifications;
using IntegrifyBot.Routing;
using IntegrifyBot.Storage.Entities;

namespace IntegrifyBot.Features.Notifications;

/// <summary>The card of a user's notification settings: a pure function from them to what the user sees.</summary>
public static class NotificationCards
{
    /// <param name="settings">The user's settings: notifications on or off, and the daily digest's hour and time zone.</param>
    /// <param name="linked">Whether the user's Integrify account is linked: nothing is announced without it.</param>
    /// <param name="reader">Whose locale the hours are written in.</param>
    /// <param name="notice">What just changed, or what was not understood, or null.</param>
    public static AdaptiveCard Settings(NotificationSettings settings, bool linked, BotRequest reader, CardNotice? notice)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(reader);
        var enabled = settings.Enabled;
        var body = CardParts.Header("Notifications", notice, TextSize.Medium);
        body.Add(new TextBlock(enabled
            ? "**On.** When Integrify gives you a new task, I send it to our personal chat with its buttons, so you can deal with it right there."
            : "**Off.** I don't message you about new tasks, nor send a daily digest. They are still in your task list: send **tasks**."));
        var actions = new List<CardAction>
        {
            enabled
                ? CardActions.Execute("Turn off", NotificationVerbs.Set, new SetNotificationsData(false))
                : CardActions.Execute("Turn on", NotificationVerbs.Set, new SetNotificationsData(true), ActionStyle.Positive),
        };
        if (enabled)
        {
            body.AddRange(Digest(settings, CardCulture.For(reader.Locale)));
            actions.Add(CardActions.Execute("Save digest", NotificationVerbs.Digest, new SetDigestData(null)));
        }

        if (!linked)
        {
            body.Add(new TextBlock("Link your Integrify account first: until then I cannot see your tasks.") { Color = TextColor.Attention });
            actions.Add(CardActions.Execute("Sign in", RunCommandData.Verb, new RunCommandData("sign in")));
        }

        body.Add(new TextBlock("Send **notifications on**, **notifications off**, or **notifications digest 8am** (or **off**) at any time.") { IsSubtle = true, Size = TextSize.Small });
        return new AdaptiveCard
        {
            FallbackText = enabled ? "Notifications about new tasks are on." : "Notifications about new tasks are off.",
            Body = body,
            Actions = actions,
        };
    }

    /// <summary>The daily digest's hour, and a choice to change it, in the user's time zone.</summary>
    private static IEnumerable<CardElement> Digest(NotificationSettings settings, CultureInfo culture)
    {
        var zone = string.IsNullOrEmpty(settings.TimeZone) ? "UTC, until Teams tells me your time zone" : CardText.Escape(settings.TimeZone, 100);
        yield return new TextBlock(settings.DigestHour is { } hour
            ? $"**Daily digest at {DigestHours.Format(hour, culture)}** ({zone}): the tasks due that day and those overdue, in one message."
            : $"**No daily digest.** Pick an hour ({zone}) to get the tasks due that day and those overdue, in one message.")
        {
            Spacing = Spacing.Medium,
        };
        var hours = Enumerable.Range(0, 24).Select(h => new Choice(DigestHours.Format(h, culture), h.ToString(CultureInfo.InvariantCulture)));
        yield return new ChoiceSetInput(NotificationVerbs.DigestHourInput, [new Choice("No digest", DigestHours.Off), .. hours])
        {
            Label = "Daily digest",
            Style = ChoiceInputStyle.Compact,
            Value = settings.DigestHour?.ToString(CultureInfo.InvariantCulture) ?? DigestHours.Off,
        };
    }
}
