namespace IntegrifyBot.Cards.Model;

/// <summary>A grid of cells (schema 1.5); the bot's report results use it.</summary>
public sealed record Table(IReadOnlyList<TableColumn> Columns, IReadOnlyList<TableRow> Rows) : CardElement
{
    public bool? FirstRowAsHeader { get; init; }
    public bool? ShowGridLines { get; init; }
    public ContainerStyle? GridStyle { get; init; }
    public HorizontalAlignment? HorizontalCellContentAlignment { get; init; }
    public VerticalAlignment? VerticalCellContentAlignment { get; init; }
}
