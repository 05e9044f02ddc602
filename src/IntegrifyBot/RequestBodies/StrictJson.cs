using System.Text.Json;

namespace IntegrifyBot.RequestBodies;

/// <summary>
/// Reads a request body as JSON that every reader reads the same way. Two readers of one body can
/// disagree: the Bot Framework SDK (Newtonsoft) matches property names without regard to case and
/// keeps the last of a repeated one, System.Text.Json matches them exactly; and text that is not
/// valid Unicode (a lone surrogate escape such as \ud800, or bytes that are not UTF-8) is kept by one
/// and refused with an exception by the other. A body with a property repeated in any spelling, or
/// with such text, is refused instead, so a check made by one reader holds for the other.
/// </summary>
internal static class StrictJson
{
    /// <summary>Deeper than any activity or push Teams or Integrify sends.</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// How deep the parser itself goes: far enough that a body nested too deeply is told apart from one
    /// that is not JSON. It keeps no stack of its own, and the body's size bounds the work.
    /// </summary>
    private const int ParsedDepth = 1024;

    /// <returns>
    /// The parsed body, which the caller disposes, or null with why it is refused, in one line.
    /// </returns>
    public static (JsonDocument? Document, string? Problem) Parse(ReadOnlyMemory<byte> json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = ParsedDepth });
        }
        catch (JsonException)
        {
            return (null, "The body is not valid JSON.");
        }

        string? problem;
        try
        {
            problem = ProblemIn(document.RootElement, depth: 0);
        }
        catch (InvalidOperationException)
        {
            // Reading the text is what proves it is valid Unicode.
            problem = "The body holds text that is not valid Unicode (such as a lone surrogate escape).";
        }

        if (problem is null)
        {
            return (document, null);
        }

        document.Dispose();
        return (null, problem);
    }

    /// <summary>
    /// Text from a body as it may be repeated in an answer or a log line: short, and without control
    /// characters, which could forge a line of the log.
    /// </summary>
    public static string Printable(string name)
    {
        var shown = name.Length > 40 ? name[..40] + "…" : name;
        return string.Concat(shown.Select(c => char.IsControl(c) || c == '"' ? '?' : c));
    }

    private static string? ProblemIn(JsonElement element, int depth)
    {
        if (element.ValueKind is JsonValueKind.Object or JsonValueKind.Array && depth >= MaxDepth)
        {
            return $"The body is nested more than {MaxDepth} levels deep.";
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                HashSet<string>? names = null;
                foreach (var property in element.EnumerateObject())
                {
                    names ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                    if (!names.Add(property.Name))
                    {
                        return $"The property \"{Printable(property.Name)}\" appears more than once in one object (names are compared without regard to case).";
                    }

                    if (ProblemIn(property.Value, depth + 1) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (ProblemIn(item, depth + 1) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.String:
                _ = element.GetString();
                return null;
            default:
                return null;
        }
    }
}
