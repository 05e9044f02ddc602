using System.Text;
using IntegrifyBot.Cards.Json;
using IntegrifyBot.Cards.Model;

namespace IntegrifyBot.Cards;

/// <summary>The sizes every card keeps to, in one place so that the lists, their searches and Teams agree.</summary>
public static class CardLimits
{
    /// <summary>How many items a list card shows at a time.</summary>
    public const int PageSize = 10;

    /// <summary>How long a search may be; it rides in every button's data, to redraw the same list.</summary>
    public const int MaxSearchLength = 30;

    /// <summary>Teams refuses a message over about 28 KB; a card stays well below.</summary>
    public const int MaxCardBytes = 24 * 1024;

    /// <summary>Where the last page of a list of <paramref name="total"/> items starts: shown for a page past the end.</summary>
    public static int LastPageStart(int total) => Math.Max(0, total - 1) / PageSize * PageSize;

    /// <summary>Whether Teams will take the card: a builder whose card does not fit falls back to a smaller layout.</summary>
    public static bool Fits(AdaptiveCard card) => Encoding.UTF8.GetByteCount(CardJson.Serialize(card)) <= MaxCardBytes;

    /// <summary>The words typed after a command as a list's search, cut to what its buttons carry; null for none.</summary>
    public static string? Search(string arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var words = arguments.Trim();
        return words.Length == 0 ? null : words[..Math.Min(words.Length, MaxSearchLength)];
    }
}
