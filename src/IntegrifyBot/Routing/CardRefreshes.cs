using IntegrifyBot.Cards;
using IntegrifyBot.Cards.Model;

namespace IntegrifyBot.Routing;

/// <summary>How a card asks Teams to redraw it for whoever looks at it, so that each viewer sees their own data.</summary>
public static class CardRefreshes
{
    /// <summary>
    /// Makes Teams show the card, for the person who asked only, as the bot answers to the button:
    /// how a card in a group chat or channel shows someone their own data and nobody else's.
    /// </summary>
    public static CardRefresh ForAsker<TData>(BotRequest turn, string title, string verb, TData data)
        where TData : class
    {
        ArgumentNullException.ThrowIfNull(turn);
        return new CardRefresh(CardActions.Execute(title, verb, data), [turn.User.Id]);
    }

    /// <summary><see cref="ForAsker"/> in a group chat or channel; nothing in the personal chat, where the card is the asker's anyway.</summary>
    public static CardRefresh? ForAskerWhenShared<TData>(BotRequest turn, string title, string verb, TData data)
        where TData : class
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.Conversation.Kind == ConversationKind.Personal ? null : ForAsker(turn, title, verb, data);
    }
}
