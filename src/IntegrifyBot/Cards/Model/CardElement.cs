using System.Text.Json.Serialization;

namespace IntegrifyBot.Cards.Model;

/// <summary>
/// An element of a card's body. The JSON "type" comes from the derived record, so a list typed
/// as <see cref="CardElement"/> serializes each element with its own properties.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(Table), "Table")]
[JsonDerivedType(typeof(Image), "Image")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(TextInput), "Input.Text")]
[JsonDerivedType(typeof(NumberInput), "Input.Number")]
[JsonDerivedType(typeof(DateInput), "Input.Date")]
[JsonDerivedType(typeof(ChoiceSetInput), "Input.ChoiceSet")]
[JsonDerivedType(typeof(ToggleInput), "Input.Toggle")]
public abstract record CardElement
{
    public string? Id { get; init; }
    public Spacing? Spacing { get; init; }
    public bool? Separator { get; init; }
    public bool? IsVisible { get; init; }
    public Fallback<CardElement>? Fallback { get; init; }
}
