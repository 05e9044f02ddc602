using System.Text.Json.Serialization;

namespace IntegrifyBot.Cards.Model;

/// <summary>A button. The JSON "type" comes from the derived record.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
public abstract record CardAction
{
    public string? Id { get; init; }
    public string? Title { get; init; }
    public ActionStyle? Style { get; init; }
    public string? Tooltip { get; init; }
    public Fallback<CardAction>? Fallback { get; init; }
}
