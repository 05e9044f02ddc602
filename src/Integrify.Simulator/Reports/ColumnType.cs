namespace Integrify.Simulator.Reports;

/// <summary>A column's type; currency values are numbers with two decimals.</summary>
internal enum ColumnType
{
    String,
    Number,
    Date,
    Currency,
}
