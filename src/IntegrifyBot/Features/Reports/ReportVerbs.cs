using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using IntegrifyBot.Cards;

namespace IntegrifyBot.Features.Reports;

/// <summary>The card verbs of reports.</summary>
public static class ReportVerbs
{
    public const string Page = "reports.page";
    public const string Filters = "report.filters";
    public const string Run = "report.run";
    public const string Export = "report.export";
}

/// <summary>Which page of the reports the user may run, for which search.</summary>
public sealed record ReportCatalogView(
    [property: MaxLength(CardLimits.MaxSearchLength), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Search = null,
    [property: Range(0, 10_000)] int Start = 0);

/// <summary>
/// A report with the values given to its filters, at a page of its result. The filter inputs are
/// named by <see cref="ReportFilterForm.InputId"/>; Teams sends their values beside the button's own
/// data, so they arrive in <see cref="Values"/>, and the result's buttons carry them on the same way.
/// What they mean is decided by the report's filters as Integrify says on every run (P2), never by the card.
/// </summary>
public sealed record ReportView(
    [property: Required, MaxLength(64)] string ReportSid,
    [property: MaxLength(ReportCards.MaxNameLength), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ReportName = null,
    [property: Range(0, ReportCards.MaxPagedRows)] int Start = 0)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Values { get; init; }
}
