using System.Net;
using System.Text.RegularExpressions;

namespace IntegrifyBot.Teams;

/// <summary>
/// Text Teams sends as HTML, as a person reads it: tags are not part of it, line breaks become
/// spaces, entities are decoded and runs of white space are one space.
/// </summary>
internal static partial class HtmlText
{
    public static string ToPlain(string html)
    {
        ArgumentNullException.ThrowIfNull(html);

        // Tags are removed before entities are decoded, so an escaped "&lt;b&gt;" stays text.
        return Tidy(WebUtility.HtmlDecode(Tag().Replace(LineBreak().Replace(html, " "), string.Empty)));
    }

    /// <summary>Plain text with its runs of white space (non-breaking ones too) made one space.</summary>
    public static string Tidy(string text) => Spaces().Replace(text.Replace('\u00A0', ' '), " ").Trim();

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"<(br|/p|/div|/li)\b[^>]*>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
