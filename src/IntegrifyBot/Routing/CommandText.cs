using System.Text;

namespace IntegrifyBot.Routing;

/// <summary>How typed text is compared with command phrases: case, extra spaces and trailing punctuation don't count.</summary>
internal static class CommandText
{
    private static readonly char[] TrailingPunctuation = ['.', '!', ',', ';', ':', '?'];

    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            // "help!" means "help", but "?" alone is a phrase of its own.
            var trimmed = word.Length > 1 ? word.TrimEnd(TrailingPunctuation) : word;
            if (trimmed.Length == 0)
            {
                trimmed = word;
            }

            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(trimmed.ToLowerInvariant());
        }

        return builder.ToString();
    }
}
