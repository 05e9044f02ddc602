using IntegrifyBot.Cards.Model;

namespace IntegrifyBot.Cards;

/// <summary>Pieces that several features' cards share, so that they look and behave alike.</summary>
public static class CardParts
{
    /// <summary>A coloured line at the top of a card saying what just happened: green, or red for a problem.</summary>
    public static Container Banner(string text, bool isProblem) =>
        new([new TextBlock(text)]) { Style = isProblem ? ContainerStyle.Attention : ContainerStyle.Good };

    /// <summary>A card's title.</summary>
    public static TextBlock Heading(string text, TextSize size = TextSize.Large) =>
        new(text) { Style = TextBlockStyle.Heading, Size = size, Weight = TextWeight.Bolder };

    /// <summary>The top of a card's body: what just happened (<see cref="Banner"/>), if anything, then its title.</summary>
    public static List<CardElement> Header(string title, CardNotice? notice, TextSize size = TextSize.Large)
    {
        var body = new List<CardElement>();
        if (notice is not null)
        {
            body.Add(Banner(notice.Text, notice.IsProblem));
        }

        body.Add(Heading(title, size));
        return body;
    }

    /// <summary>
    /// The top of a list card: <see cref="Header"/>, then what the list holds, such as "12 open matching
    /// “invoice” · showing 1–10, soonest due first", or what it says when it holds nothing.
    /// </summary>
    /// <param name="counted">What the total counts, after the number: "open matching “invoice”".</param>
    /// <param name="order">How the list is sorted, after the range (", newest first"), or empty.</param>
    public static List<CardElement> ListHeader(string title, CardNotice? notice, int total, int start, int shown, string counted, string order, string whenEmpty)
    {
        var body = Header(title, notice);
        body.Add(total == 0
            ? new TextBlock(whenEmpty)
            : new TextBlock($"{total} {counted} · showing {start + 1}–{start + shown}{order}") { IsSubtle = true, Size = TextSize.Small });
        return body;
    }

    /// <summary>" matching “…”" after what a list counts when a search narrowed it; empty otherwise.</summary>
    public static string Matching(string? search) =>
        string.IsNullOrWhiteSpace(search) ? string.Empty : $" matching “{CardText.Escape(search, CardLimits.MaxSearchLength)}”";

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
