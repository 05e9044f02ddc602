using System.Text.Json;
using IntegrifyBot.Cards;
using IntegrifyBot.Cards.Json;
using IntegrifyBot.Cards.Model;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace IntegrifyBot.Teams;

/// <summary>
/// Moves card data between the SDK's Newtonsoft objects and System.Text.Json, which the rest of the
/// bot uses.
/// </summary>
internal static class CardData
{
    public static JsonElement ToJsonElement(object? value)
    {
        if (value is null)
        {
            return EmptyObject();
        }

        var json = value is JToken token ? token.ToString(Formatting.None) : JsonConvert.SerializeObject(value);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static JObject ToJObject(AdaptiveCard card) => JObject.Parse(CardJson.Serialize(card));

    /// <summary>The verb an Action.Submit button put in its data, or empty.</summary>
    public static string SubmittedVerb(JsonElement data) =>
        data.ValueKind == JsonValueKind.Object
        && data.TryGetProperty(CardActions.VerbKey, out var verb)
        && verb.ValueKind == JsonValueKind.String
            ? verb.GetString() ?? string.Empty
            : string.Empty;

    private static JsonElement EmptyObject()
    {
        using var document = JsonDocument.Parse("{}");
        return document.RootElement.Clone();
    }
}
