namespace IntegrifyBot.Integrify.Api.Models;

/// <summary>P3: a column of a report result.</summary>
public sealed record ReportColumn
{
    public string Key { get; init; } = string.Empty;
    public string? Label { get; init; }
    public string? Type { get; init; }
}
