using System.Text.Json.Serialization;

namespace IntegrifyBot.Cards.Model;

public sealed record TableRow(IReadOnlyList<TableCell> Cells)
{
    [JsonPropertyOrder(-1)]
    public string Type => "TableRow";

    public ContainerStyle? Style { get; init; }
}
