using IntegrifyBot.Cards;
using IntegrifyBot.Cards.Model;
using IntegrifyBot.Features.Help;
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
    }
}
