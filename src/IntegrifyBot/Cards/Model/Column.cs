using System.Text.Json.Serialization;

namespace IntegrifyBot.Cards.Model;

/// <summary>One column of a <see cref="ColumnSet"/>.</summary>
public sealed record Column(IReadOnlyList<CardElement> Items)
{
    [JsonPropertyOrder(-1)]
    public string Type => "Column";

    public string? Id { get; init; }
    public ColumnWidth? Width { get; init; }
    public ContainerStyle? Style { get; init; }
    public VerticalAlignment? VerticalContentAlignment { get; init; }
    public Spacing? Spacing { get; init; }
    public bool? Separator { get; init; }
    public CardAction? SelectAction { get; init; }
}
