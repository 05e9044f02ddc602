namespace Integrify.Simulator.Reports;

/// <param name="Rows">Every row, in the report's order, keyed by column key.</param>
/// <param name="Runners">User names allowed to run the report; null lets everyone run it.</param>
internal sealed record ReportDefinition(
    Guid Sid,
    string Name,
    string Description,
    string Category,
    IReadOnlyList<ReportColumn> Columns,
    IReadOnlyList<ReportFilterDefinition> Filters,
    IReadOnlyList<IReadOnlyDictionary<string, object?>> Rows,
    IReadOnlySet<string>? Runners)
{
    public bool CanBeRunBy(string userName) => Runners is null || Runners.Contains(userName);
}
