using IntegrifyBot.Cards;
using IntegrifyBot.Cards.Model;
using IntegrifyBot.Features.Help;
using IntegrifyBot.Features.Linking;
using IntegrifyBot.Integrify.Api.Models;
using IntegrifyBot.Integrify.Auth;
using IntegrifyBot.Routing;

namespace IntegrifyBot.Tests.Cards;

/// <summary>
/// Every card the bot can send, built by the same builders the bot uses. A new card builder adds its
/// cards here, so that the renderer check covers it.
/// </summary>
public static class BotCardCatalog
{
    public static IEnumerable<(string Name, AdaptiveCard Card)> All()
    {
        var routes = new RouteTable();
        new HelpFeature().MapRoutes(routes);
        var commands = routes.Commands;
        var retry = CardActions.Execute("Try again", RunCommandData.Verb, new RunCommandData("help"));

        yield return ("welcome", HelpCards.Welcome("Alex Wilber"));
        yield return ("welcome-anonymous", HelpCards.Welcome(null));
        yield return ("help", HelpCards.Help(commands, unrecognised: null));
        yield return ("help-unrecognised", HelpCards.Help(commands, unrecognised: "**approve** [all](https://example.com)"));
        yield return ("problem-unexpected", ProblemCards.Unexpected(retry));
        yield return ("problem-unexpected-no-retry", ProblemCards.Unexpected(null));
        yield return ("problem-timed-out", ProblemCards.TimedOut(retry));
        yield return ("problem-outdated-card", ProblemCards.OutdatedCard());
        yield return ("problem-tenant-not-allowed", ProblemCards.TenantNotAllowed());
        yield return ("problem-integrify-unavailable", ProblemCards.IntegrifyUnavailable(retry));

        var personal = new BotRequest(new TurnUser("29:alex", "aad-alex", "Alex Wilber"), new TurnConversation("a:alex", ConversationKind.Personal, "tenant")) { TimeZone = "Europe/Berlin" };
        var channel = personal with { Conversation = new TurnConversation("19:finance", ConversationKind.Channel, "tenant") };
        var page = new Uri("https://integrifybot.example.com/link/state-1234");
        var credential = new IntegrifyCredential { UserName = "alexw", Method = LinkMethod.Password, Jwt = "jwt", LinkedAt = new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero) };
        yield return ("link", LinkCards.Link(personal, page, notice: null));
        yield return ("link-without-page", LinkCards.Link(personal, pageUrl: null, LinkCards.NeedsLink));
        yield return ("link-refused", LinkCards.Link(personal, page, LinkCards.Refused("Wrong tenant, user name or password.", "username and password"), "alexw"));
        yield return ("link-throttled", LinkCards.Link(personal, page, LinkCards.Throttled(new DateTimeOffset(2026, 11, 28, 9, 15, 0, TimeSpan.Zero), personal)));
        yield return ("link-in-channel", LinkCards.Link(channel, pageUrl: null, LinkCards.Expired));
        yield return ("linked", LinkCards.Linked(credential, "https://acme.integrify.com"));
        yield return ("link-status", LinkCards.Status(credential, new CurrentUser { UserName = "alexw", NameFirst = "Alex", NameLast = "Wilber" }, "https://acme.integrify.com", personal));
        yield return ("signed-out", LinkCards.SignedOut(wasLinked: true, relinkAs: null));
        yield return ("signed-out-zero-touch", LinkCards.SignedOut(wasLinked: true, relinkAs: "alexw"));
        yield return ("not-linked-signed-out", LinkCards.SignedOut(wasLinked: false, relinkAs: null));
        yield return ("link-open-page", LinkCards.OpenPage(page));
        yield return ("link-code-refused", LinkCards.CodeRefused());
    }
}
