using IntegrifyBot.Cards.Model;
using IntegrifyBot.Routing;

namespace IntegrifyBot.Features.Help;

/// <summary>
/// Help, the welcome, and the answer to anything the bot does not understand. Help lists whatever
/// commands the features have mapped, so it never drifts from what the bot can really do.
/// </summary>
public sealed class HelpFeature : IBotFeature
{
    public static CommandDescriptor HelpCommand { get; } = new("help", "Show what I can do", "?", "commands", "menu", "what can you do");

    public static CommandDescriptor HelloCommand { get; } = new("hello", "Say hello", "hi", "hey", "good morning") { Listed = false };

    public void MapRoutes(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapCommand(HelpCommand, (_, _) => Reply(HelpCards.Help(routes.Commands, unrecognised: null)));
        routes.MapCommand(HelloCommand, (request, _) => Reply(HelpCards.Welcome(request.Turn.User.Name)));
        routes.MapUnknownCommand((_, text, _) => Reply(HelpCards.Help(routes.Commands, unrecognised: text)));
        routes.MapWelcome((turn, _) => Reply(HelpCards.Welcome(turn.Conversation.Kind == ConversationKind.Personal ? turn.User.Name : null)));
    }

    private static Task<BotReply> Reply(AdaptiveCard card) => Task.FromResult<BotReply>(new CardReply(card));
}
