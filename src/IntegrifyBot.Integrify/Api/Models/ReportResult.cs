using System.Text.Json;

namespace IntegrifyBot.Integrify.Api.Models;

/// <summary>P3: a report's columns, rows and total.</summary>
public sealed record ReportResult
{
    public IReadOnlyList<ReportColumn> Columns { get; init; } = [];
    public IReadOnlyList<IReadOnlyDictionary<string, JsonElement>> Rows { get; init; } = [];
    public int Total { get; init; }
}
