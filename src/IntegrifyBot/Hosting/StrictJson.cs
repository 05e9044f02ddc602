using System.Text.Json;

namespace IntegrifyBot.Hosting;

/// <summary>
/// Checks that a request body is JSON that every reader reads the same way, before any of them reads
/// it. Two readers of one body can disagree: the Bot Framework SDK (Newtonsoft) matches property
/// names without regard to case and keeps the last of a repeated one, System.Text.Json matches them
/// exactly; and text that is not valid Unicode (a lone surrogate escape such as \ud800, or bytes that
/// are not UTF-8) is kept by one and refused with an exception by the other. A body with a property
/// repeated in any spelling, or with such text, is refused instead, so a check made by one reader
/// holds for the other.
/// </summary>
internal static class StrictJson
{
    /// <summary>Deeper than any activity or push Teams or Integrify sends.</summary>
    public const int MaxDepth = 64;

    /// <returns>Why the body is refused, in one line, or null when it is acceptable.</returns>
    public static string? Check(ReadOnlySpan<byte> json)
    {
        // One level more for the reader itself, so that too deep a body is told apart from bad JSON.
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth + 1 });

        // The names seen so far in each object that is open, innermost last; null until it has one.
        var names = new Stack<HashSet<string>?>();
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= MaxDepth)
                {
                    return $"The body is nested more than {MaxDepth} levels deep.";
                }

                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        names.Push(null);
                        break;
                    case JsonTokenType.EndObject:
                        names.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        var seen = names.Pop() ?? new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                        if (!seen.Add(name))
                        {
                            return $"The property \"{Printable(name)}\" appears more than once in one object (names are compared without regard to case).";
                        }

                        names.Push(seen);
                        break;
                    case JsonTokenType.String:
                        // Reading the text is what proves it is valid Unicode.
                        _ = reader.GetString();
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return "The body is not valid JSON.";
        }
        catch (InvalidOperationException)
        {
            return "The body holds text that is not valid Unicode (such as a lone surrogate escape).";
        }

        return null;
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
}
