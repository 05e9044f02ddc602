using System.Text.Json.Nodes;

namespace IntegrifyBot.Cards.Model;

/// <summary>
/// A Universal Action: Teams sends the verb and data to the bot as an invoke and shows the card the
/// bot answers with in place of this one.
/// </summary>
public sealed record ExecuteAction(string Verb) : CardAction
{
    public JsonObject? Data { get; init; }
    public AssociatedInputs? AssociatedInputs { get; init; }
}
