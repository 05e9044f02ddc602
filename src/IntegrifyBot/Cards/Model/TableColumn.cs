namespace IntegrifyBot.Cards.Model;

/// <summary>A table column's definition; its width is a relative weight or pixels.</summary>
public sealed record TableColumn(ColumnWidth Width)
{
    public HorizontalAlignment? HorizontalCellContentAlignment { get; init; }
}
