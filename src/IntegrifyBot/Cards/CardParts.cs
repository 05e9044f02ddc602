using IntegrifyBot.Cards.Model;
using IntegrifyBot.Routing;

namespace IntegrifyBot.Cards;

/// <summary>Pieces that several features' cards share, so that they look and behave alike.</summary>
public static class CardParts
{
    /// <summary>A coloured line at the top of a card saying what just happened: green, or red for a problem.</summary>
    public static Container Banner(string text, bool isProblem) =>
        new([new TextBlock(text)]) { Style = isProblem ? ContainerStyle.Attention : ContainerStyle.Good };

    /// <summary>Previous and Next for a paged list, each redrawing the list at another start.</summary>
    /// <param name="at">The same view at another start.</param>
    public static IEnumerable<CardAction> Paging<TView>(string verb, TView view, int start, int shown, int total, int pageSize, Func<TView, int, TView> at)
        where TView : class
    {
        ArgumentNullException.ThrowIfNull(at);
        if (start > 0)
        {
            yield return CardActions.Execute("Previous", verb, at(view, Math.Max(0, start - pageSize)));
        }

        if (start + shown < total)
        {
            yield return CardActions.Execute("Next", verb, at(view, start + pageSize));
        }
    }

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
