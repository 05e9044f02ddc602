namespace IntegrifyBot.Cards.Model;

public sealed record ColumnSet(IReadOnlyList<Column> Columns) : CardElement
{
    public ContainerStyle? Style { get; init; }
    public bool? Bleed { get; init; }
    public HorizontalAlignment? HorizontalAlignment { get; init; }
}
