using System.Text.Json;
using IntegrifyBot.Routing;

namespace IntegrifyBot.Teams;

/// <summary>
/// Reads the message extension's invokes (search, pasted link, dialog opened or submitted) into the
/// router's requests. Read here rather than through the SDK's casts, which fail with an exception on
/// a value of an unexpected shape: whatever arrives, the bot reads what it can and answers.
/// </summary>
internal static class ExtensionInvokes
{
    public const string Query = "composeExtension/query";
    public const string QueryLink = "composeExtension/queryLink";
    public const string FetchTask = "composeExtension/fetchTask";
    public const string SubmitAction = "composeExtension/submitAction";

    /// <summary>The parameter Teams adds when a search command opens before anything is typed.</summary>
    private const string InitialRun = "initialRun";

    /// <summary>Teams shows at most this many results; it asks for fewer, never more.</summary>
    private const int MaxResults = 25;

    /// <summary>Longer than any search or request name; a longer text is cut, not refused.</summary>
    private const int MaxTextLength = 4000;

    public static ExtensionQuery ReadQuery(JsonElement value)
    {
        var search = string.Empty;
        if (Property(value, "parameters") is { ValueKind: JsonValueKind.Array } parameters)
        {
            foreach (var parameter in parameters.EnumerateArray())
            {
                // The search text is the one parameter that is not Teams' own initialRun, whatever the
                // manifest names it (clients that send it without a name included).
                if (!string.Equals(String(parameter, "name"), InitialRun, StringComparison.OrdinalIgnoreCase)
                    && String(parameter, "value") is { } typed)
                {
                    search = Cut(typed.Trim());
                    break;
                }
            }
        }

        var options = Property(value, "queryOptions");
        var skip = Math.Clamp(Number(options, "skip") ?? 0, 0, 10_000);
        var count = Math.Clamp(Number(options, "count") ?? MaxResults, 1, MaxResults);
        return new ExtensionQuery(String(value, "commandId") ?? string.Empty, search, skip, count);
    }

    /// <summary>What Teams' sign-in popup handed back, when a request is repeated after signing in.</summary>
    public static string? ReadState(JsonElement value) => String(value, "state") is { Length: > 0 and <= 200 } state ? state : null;

    public static string? ReadLink(JsonElement value) => String(value, "url");

    public static DialogOpening ReadOpening(JsonElement value)
    {
        var fromMessage = string.Equals(String(value, "commandContext"), "message", StringComparison.OrdinalIgnoreCase)
            ? MessageTextOf(Property(value, "messagePayload"))
            : null;
        return new DialogOpening(String(value, "commandId") ?? string.Empty, fromMessage);
    }

    public static DialogSubmission ReadSubmission(JsonElement value) =>
        new(String(value, "commandId") ?? string.Empty, Property(value, "data") is { ValueKind: JsonValueKind.Object } data ? data.Clone() : EmptyObject);

    /// <summary>A message's text as a person reads it: Teams sends HTML, whose tags and entities are not part of it.</summary>
    public static string? MessageTextOf(JsonElement? payload)
    {
        var body = Property(payload, "body");
        if (String(body, "content") is not { } content)
        {
            return null;
        }

        var text = string.Equals(String(body, "contentType"), "html", StringComparison.OrdinalIgnoreCase)
            ? HtmlText.ToPlain(content)
            : HtmlText.Tidy(content);
        return text.Length == 0 ? null : Cut(text);
    }

    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    private static JsonElement? Property(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty(name, out var found) ? found : null;

    private static string? String(JsonElement? element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } found ? found.GetString() : null;

    private static int? Number(JsonElement? element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.Number } found && found.TryGetInt32(out var number) ? number : null;

    private static string Cut(string text) => text.Length <= MaxTextLength ? text : text[..MaxTextLength];
}
