using IntegrifyBot.Cards.Model;

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
}
