using System.Text.RegularExpressions;

namespace IntegrifyBot.Integrify.Api;

/// <summary>A path with {placeholders}, as the contract and Integrify:Paths write them.</summary>
internal static partial class PathTemplate
{
    public static IReadOnlyList<string> Placeholders(string template) =>
        [.. Placeholder().Matches(template).Select(match => match.Groups[1].Value)];

    /// <summary>The template with its placeholders taken out, to check what is left.</summary>
    public static string Literal(string template) => Placeholder().Replace(template, string.Empty);

    /// <summary>
    /// The values of <paramref name="template"/>'s placeholders in <paramref name="path"/>, a path built
    /// from it, still escaped as they were sent; null when the path does not follow the template. The
    /// contract's placeholders are whole segments, and an escaped value holds no slash.
    /// </summary>
    public static Dictionary<string, string>? Match(string template, string path)
    {
        var expected = template.Split('/');
        var actual = path.Split('/');
        if (expected.Length != actual.Length)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var index = 0; index < expected.Length; index++)
        {
            if (Placeholder().Match(expected[index]) is { Success: true } match && match.Length == expected[index].Length)
            {
                values[match.Groups[1].Value] = actual[index];
            }
            else if (!string.Equals(expected[index], actual[index], StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
        }

        return values;
    }

    /// <summary>The template with each placeholder replaced by its (already escaped) value.</summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(template, match => values[match.Groups[1].Value]);

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9_]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
