namespace Integrify.Simulator.Reports;

internal sealed record ReportColumn(string Key, string Label, ColumnType Type)
{
    public string TypeName => Type switch
    {
        ColumnType.Number => "number",
        ColumnType.Date => "date",
        ColumnType.Currency => "currency",
        _ => "string",
    };
}
