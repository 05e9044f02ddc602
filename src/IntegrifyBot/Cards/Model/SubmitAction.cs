using System.Text.Json.Nodes;

namespace IntegrifyBot.Cards.Model;

/// <summary>The older button: Teams sends its data (and the card's input values) as a message.</summary>
public sealed record SubmitAction : CardAction
{
    public JsonObject? Data { get; init; }
    public AssociatedInputs? AssociatedInputs { get; init; }
}
