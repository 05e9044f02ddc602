using System.Text.Json.Nodes;
using IntegrifyBot.Cards;
using IntegrifyBot.Cards.Model;
using IntegrifyBot.Integrify.Api.Models;
using IntegrifyBot.Integrify.Auth;
using IntegrifyBot.Routing;

namespace IntegrifyBot.Features.Linking;

/// <summary>The cards of linking: pure functions from what happened to what the user sees.</summary>
public static class LinkCards
{
    private const string Title = "Link your Integrify account";

    private const string WhatLinkingDoes =
        "Once linked, I can show your tasks, approve and reject for you, start requests and run reports, as you. " +
        "You link once and I keep the sign-in fresh. Your password goes to Integrify once and is never stored; " +
        "what Integrify gives back is kept encrypted.";

    /// <param name="turn">Who asks, and where: the form is offered only in the personal chat.</param>
    /// <param name="pageUrl">The sign-in page for this user, or null when the bot has no public address.</param>
    /// <param name="notice">Why the card is shown again (an expired link, a refused password), or null.</param>
    /// <param name="userName">What to prefill as the username; never a password.</param>
    public static AdaptiveCard Link(BotRequest turn, Uri? pageUrl, CardNotice? notice, string? userName = null)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var body = new List<CardElement> { Heading(Title) };
        if (notice is not null)
        {
            body.Add(new TextBlock(notice.Text) { Color = notice.IsProblem ? TextColor.Attention : TextColor.Default, Weight = TextWeight.Bolder });
        }

        if (turn.Conversation.Kind != ConversationKind.Personal)
        {
            body.Add(new TextBlock("To keep your password private, link in our personal chat: open a chat with me and send **sign in**."));
            return new AdaptiveCard { FallbackText = $"{Title}: open a personal chat with me and send sign in.", Body = body };
        }

        body.Add(new TextBlock(WhatLinkingDoes) { IsSubtle = true });
        var actions = new List<CardAction>();
        if (pageUrl is not null)
        {
            actions.Add(SignInPageButton(pageUrl));
        }

        actions.Add(new ShowCardAction(PasswordForm(userName)) { Title = pageUrl is null ? "Sign in with password" : "Sign in here" });
        actions.Add(new ShowCardAction(ApiKeyForm()) { Title = "Use an API key" });
        return new AdaptiveCard { FallbackText = $"{Title}. {WhatLinkingDoes}", Body = body, Actions = actions };
    }

    public static AdaptiveCard Linked(IntegrifyCredential credential, string? instance)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var how = HowLinked(credential.Method);
        return new AdaptiveCard
        {
            FallbackText = $"You're linked to Integrify as {credential.UserName}.",
            Body =
            [
                Heading("You're linked"),
                new TextBlock($"I'm signed in to Integrify{At(instance)} as **{CardText.Escape(credential.UserName, 100)}** {how}. I'll keep the sign-in fresh, so you won't need to sign in again."),
                new TextBlock("Send **status** to see your link, or **sign out** to remove it.") { IsSubtle = true },
            ],
            Actions = [CardActions.Execute("What can you do?", RunCommandData.Verb, new RunCommandData("help"))],
        };
    }

    public static AdaptiveCard Status(IntegrifyCredential credential, CurrentUser? integrifyUser, string? instance, BotRequest turn)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(turn);
        var facts = new List<Fact> { new("Integrify user", CardText.Escape(credential.UserName, 100)) };
        var name = integrifyUser is null ? null : $"{integrifyUser.NameFirst} {integrifyUser.NameLast}".Trim();
        if (!string.IsNullOrEmpty(name))
        {
            facts.Add(new Fact("Name", CardText.Escape(name, 100)));
        }

        facts.Add(new Fact("Linked", Capitalise(HowLinked(credential.Method))));
        facts.Add(new Fact("Since", CardDates.Format(credential.LinkedAt, turn.Locale, turn.TimeZone)));
        if (!string.IsNullOrEmpty(instance))
        {
            facts.Add(new Fact("Integrify", CardText.Escape(instance, 200)));
        }

        return new AdaptiveCard
        {
            FallbackText = $"You're linked to Integrify as {credential.UserName}.",
            Body = [Heading("Your Integrify link"), new FactSet(facts)],
            Actions = [CardActions.Execute("Sign out", RunCommandData.Verb, new RunCommandData("sign out"), ActionStyle.Destructive)],
        };
    }

    /// <param name="relinkAs">The username zero-touch linking will use next time, when it is on.</param>
    public static AdaptiveCard SignedOut(bool wasLinked, string? relinkAs)
    {
        var body = new List<CardElement>
        {
            Heading(wasLinked ? "You're signed out" : "You weren't linked"),
            new TextBlock(wasLinked
                ? "I signed you out of Integrify and deleted your tokens, sign-ins in progress and where to reach you. Refused sign-ins still count toward the limit until their time is up."
                : "There was no Integrify link to remove; your sign-ins in progress and where to reach you are deleted."),
        };
        if (relinkAs is not null)
        {
            body.Add(new TextBlock($"Your organisation links Integrify accounts automatically, so the next time you ask me for something I'll sign you in as **{CardText.Escape(relinkAs, 100)}** again.") { IsSubtle = true });
        }

        return new AdaptiveCard
        {
            FallbackText = wasLinked ? "You're signed out of Integrify." : "You weren't linked to Integrify.",
            Body = body,
            Actions = [CardActions.Execute("Sign in", RunCommandData.Verb, new RunCommandData("sign in"))],
        };
    }

    /// <summary>For clients that send the sign-in page button to the bot rather than opening Teams' popup.</summary>
    public static AdaptiveCard OpenPage(Uri pageUrl) => new()
    {
        FallbackText = "Open the sign-in page, sign in, then send me the code it shows.",
        Body =
        [
            Heading("Sign in on the Integrify page"),
            new TextBlock("Open the page, sign in there, and send me the six-digit code it shows. The page works for ten minutes."),
        ],
        Actions = [new OpenUrlAction(pageUrl) { Title = "Open the sign-in page" }],
    };

    public static AdaptiveCard CodeRefused() => new()
    {
        FallbackText = "That code doesn't match a sign-in of yours.",
        Body =
        [
            Heading("That code didn't work"),
            new TextBlock("It doesn't match a sign-in you started, or it has expired or was already used. Send **sign in** to start again."),
        ],
    };

    public static CardNotice Refused(string? explanation, string what) => new(
        string.IsNullOrWhiteSpace(explanation)
            ? $"Integrify didn't accept that {what}. Please check it and try again."
            : $"Integrify didn't accept that {what}: “{CardText.Escape(explanation, 200)}”",
        IsProblem: true);

    public static CardNotice Throttled(DateTimeOffset until, BotRequest turn) => new(
        $"Too many sign-ins failed, so I've paused sign-in for you until {CardDates.Format(until, turn.Locale, turn.TimeZone)}.",
        IsProblem: true);

    public static CardNotice Unavailable { get; } = new("Integrify isn't answering right now, so nothing was stored. Please try again in a moment.", IsProblem: true);

    public static CardNotice Missing(string what) => new($"Please enter your {what}.", IsProblem: true);

    public static CardNotice Expired { get; } = new("Your Integrify sign-in has expired or was revoked. Please link again.", IsProblem: true);

    /// <summary>Where to link when no sign-in page can be offered (the bot has no public address).</summary>
    public const string SignInElsewhere = "First, link your Integrify account: send \"sign in\" to the Integrify bot in a personal chat, then try again.";

    public static CardNotice NeedsLink { get; } = new("First, link your Integrify account, so I can act as you.", IsProblem: false);

    /// <summary>
    /// Teams' own sign-in button: it opens the page in Teams' authentication popup, which reports
    /// back with signin/verifyState. The verb is there for clients that send the button to the bot.
    /// </summary>
    private static SubmitAction SignInPageButton(Uri pageUrl) => new()
    {
        Title = "Sign in with Integrify",
        Style = ActionStyle.Positive,
        Data = new JsonObject
        {
            [CardActions.VerbKey] = LinkVerbs.Page,
            ["msteams"] = new JsonObject { ["type"] = "signin", ["value"] = pageUrl.ToString() },
        },
    };

    private static AdaptiveCard PasswordForm(string? userName) => new()
    {
        Body =
        [
            new TextInput(LinkVerbs.UserNameInput) { Label = "Integrify username", Value = userName, IsRequired = true, ErrorMessage = "Enter your Integrify username.", MaxLength = 200 },
            new TextInput(LinkVerbs.PasswordInput) { Label = "Password", Style = TextInputStyle.Password, IsRequired = true, ErrorMessage = "Enter your password.", MaxLength = 500 },
            new TextBlock("Only Integrify sees your password; I never store it.") { IsSubtle = true, Size = TextSize.Small },
        ],
        Actions = [CardActions.Execute("Sign in", LinkVerbs.Password, style: ActionStyle.Positive)],
    };

    private static AdaptiveCard ApiKeyForm() => new()
    {
        Body =
        [
            new TextInput(LinkVerbs.ApiKeyInput) { Label = "Personal API key", Style = TextInputStyle.Password, IsRequired = true, ErrorMessage = "Enter your personal API key.", MaxLength = 500 },
            new TextBlock("Find it in Integrify under your profile. I keep it encrypted and use it only to sign you in.") { IsSubtle = true, Size = TextSize.Small },
        ],
        Actions = [CardActions.Execute("Link with API key", LinkVerbs.ApiKey, style: ActionStyle.Positive)],
    };

    private static TextBlock Heading(string text) => CardParts.Heading(text, TextSize.Medium);

    private static string HowLinked(LinkMethod method) => method switch
    {
        LinkMethod.Password => "with your Integrify password",
        LinkMethod.PersonalApiKey => "with your personal API key",
        LinkMethod.OrganizationKey => "automatically, through your organisation",
        _ => "by an unknown method",
    };

    private static string At(string? instance) => string.IsNullOrEmpty(instance) ? string.Empty : $" ({CardText.Escape(instance, 200)})";

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
