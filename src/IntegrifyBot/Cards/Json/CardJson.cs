using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using IntegrifyBot.Cards.Model;

namespace IntegrifyBot.Cards.Json;

/// <summary>The one way cards become JSON: camelCase names, enums as camelCase strings, no nulls.</summary>
public static class CardJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize(AdaptiveCard card) => JsonSerializer.Serialize(card, Options);

    public static JsonObject ToJsonObject(AdaptiveCard card) =>
        JsonSerializer.SerializeToNode(card, Options)!.AsObject();

    /// <summary>Serializes a typed action payload into the object a card button carries.</summary>
    public static JsonObject ToJsonObject<T>(T value)
        where T : class =>
        JsonSerializer.SerializeToNode(value, Options) as JsonObject
        ?? throw new ArgumentException("Action data must serialize to a JSON object.", nameof(value));

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = false,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
