using System.Text;

namespace IntegrifyBot.Cards;

/// <summary>
/// Makes text from outside the bot (Integrify data, what a user typed) safe to show in a TextBlock.
/// </summary>
public static class CardText
{
    // Characters that start inline markdown in Teams' renderers: emphasis, strike-through, links,
    // autolinks and code. A backslash makes each literal, so "[click](https://evil)" shows as typed.
    private const string InlineMarkdown = "\\`*_~[]<>";

    // Characters that start a heading or a list, but only at the beginning of a line and followed by
    // a space ("# Title", "- item"); "#123" or "-5 °C" are plain text and stay as they are, since
    // clients that ignore escapes would show the backslash.
    private const string LineStartMarkdown = "#-+";

    /// <summary>The longest a single piece of outside text may be on a card before it is cut.</summary>
    public const int DefaultMaxLength = 500;

    public static string Escape(string? text, int maxLength = DefaultMaxLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var shortened = Truncate(text, maxLength);
        var escaped = new StringBuilder(shortened.Length + 16);
        var atLineStart = true;
        for (var i = 0; i < shortened.Length; i++)
        {
            var character = shortened[i];
            if (character == '\r')
            {
                // "\r\n" and a lone "\r" are both one line break.
                if (i + 1 < shortened.Length && shortened[i + 1] == '\n')
                {
                    continue;
                }

                character = '\n';
            }

            if (atLineStart && OrderedListMarkerEnd(shortened, i) is > 0 and var markerEnd)
            {
                // "12. " would start a numbered list: keep the digits, escape the dot.
                escaped.Append(shortened, i, markerEnd - i).Append('\\');
                i = markerEnd;
                character = shortened[i];
            }
            else if (InlineMarkdown.Contains(character, StringComparison.Ordinal)
                || (atLineStart && LineStartMarkdown.Contains(character, StringComparison.Ordinal) && StartsBlock(shortened, i)))
            {
                escaped.Append('\\');
            }

            escaped.Append(character);
            atLineStart = character == '\n' || (atLineStart && character == ' ');
        }

        return escaped.ToString();
    }

    /// <summary>Cuts text to at most <paramref name="maxLength"/> characters, ending with "…" when cut.</summary>
    public static string Truncate(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = maxLength - 1;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut), "…");
    }

    // The index of the "." or ")" that ends a run of digits starting at index and is followed by a
    // space or the end of the line ("12. "), or -1: "12.5%" is a number, not a list.
    private static int OrderedListMarkerEnd(string text, int index)
    {
        var end = index;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        return end > index && end < text.Length && text[end] is '.' or ')' && IsBlankOrEnd(text, end + 1) ? end : -1;
    }

    // "# ", "### " or "- " and "+ " at the start of a line (a run of '#' counts as one marker).
    private static bool StartsBlock(string text, int index)
    {
        var end = index + 1;
        while (text[index] == '#' && end < text.Length && text[end] == '#')
        {
            end++;
        }

        return IsBlankOrEnd(text, end);
    }

    private static bool IsBlankOrEnd(string text, int index) =>
        index >= text.Length || text[index] is ' ' or '\t' or '\r' or '\n';
}
