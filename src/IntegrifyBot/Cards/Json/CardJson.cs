using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using IntegrifyBot.Cards.Model;

namespace IntegrifyBot.Cards.Json;

/// <summary>The one way cards become JSON: camelCase names, enums as camelCase strings, no nulls.</summary>
public static class CardJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>
    /// How a button's typed data is written into a card and read back when the button is pressed:
    /// nulls are kept (so an optional value reads back as what it was), and reading is strict about
    /// required and non-nullable members, because the data comes back from the client.
    /// </summary>
    public static JsonSerializerOptions ActionDataOptions { get; } = CreateActionDataOptions();

    public static string Serialize(AdaptiveCard card) => JsonSerializer.Serialize(card, Options);

    public static JsonObject ToJsonObject(AdaptiveCard card) =>
        JsonSerializer.SerializeToNode(card, Options)!.AsObject();

    /// <summary>Serializes a typed action payload into the object a card button carries.</summary>
    public static JsonObject ToJsonObject<T>(T value)
        where T : class =>
        JsonSerializer.SerializeToNode(value, ActionDataOptions) as JsonObject
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

    private static JsonSerializerOptions CreateActionDataOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
