namespace Integrify.Simulator.Reports;

/// <param name="Text">The filter's label, which P3 uses to give it a value.</param>
/// <param name="Value">The value a hidden filter always applies, or an exposed filter's default.</param>
internal sealed record ReportFilterDefinition(
    string Text,
    string MappingVal,
    string ColumnKey,
    FilterKind Kind,
    bool Exposed,
    string Operator,
    IReadOnlyList<string>? Options = null,
    string? Value = null)
{
    /// <summary>The legacy API's field type names for the four kinds of filter.</summary>
    public string FieldType => Kind switch
    {
        FilterKind.Number => "ExposeNumberFilter",
        FilterKind.Date => "ExposeDateFilter",
        FilterKind.Choice => "ExposeChoiceFilter",
        _ => "ExposeTextFilter",
    };

    public bool Answers(string? label) =>
        string.Equals(label, Text, StringComparison.OrdinalIgnoreCase) || string.Equals(label, MappingVal, StringComparison.OrdinalIgnoreCase);
}
