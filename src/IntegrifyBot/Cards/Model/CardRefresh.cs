using System.Text.Json.Serialization;

namespace IntegrifyBot.Cards.Model;

/// <summary>
/// Asks Teams to replace the card, for each listed user, with what the bot answers to
/// <see cref="Action"/>: how one shared card shows buttons only to the people who may use them.
/// </summary>
public sealed record CardRefresh(ExecuteAction Action, IReadOnlyList<string>? UserIds = null)
{
    // Declared as the base type so the serializer writes the action's "type".
    [JsonPropertyName("action")]
    [JsonPropertyOrder(-1)]
    public CardAction SerializedAction => Action;

    [JsonIgnore]
    public ExecuteAction Action { get; init; } = Action;
}
