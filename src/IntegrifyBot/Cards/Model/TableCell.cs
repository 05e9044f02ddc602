using System.Text.Json.Serialization;

namespace IntegrifyBot.Cards.Model;

public sealed record TableCell(IReadOnlyList<CardElement> Items)
{
    [JsonPropertyOrder(-1)]
    public string Type => "TableCell";

    public ContainerStyle? Style { get; init; }
}
