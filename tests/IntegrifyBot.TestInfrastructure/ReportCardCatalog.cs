using System.Text.Json;
using IntegrifyBot.Cards;
using IntegrifyBot.Cards.Model;
using IntegrifyBot.Features.Reports;
using IntegrifyBot.Integrify.Api.Models;
using IntegrifyBot.Routing;

namespace IntegrifyBot.TestInfrastructure;

/// <summary>Every kind of report card, with data shaped as Integrify sends it, for the renderer check.</summary>
public static class ReportCardCatalog
{
    public static IReadOnlyList<ReportFilter> Filters { get; } =
    [
        Filter("Requester", "ExposeTextFilter"),
        Filter("Amount at least", "ExposeNumberFilter"),
        Filter("Submitted", "ExposeDateFilter"),
        Filter("Department", "ExposeChoiceFilter", """["Design","Finance","IT"]"""),
        Filter("Status", "ExposeTextFilter") with { Expose = false },
    ];

    public static ReportResult Result { get; } = new()
    {
        Columns = [new() { Key = "id", Label = "Request #", Type = "number" }, new() { Key = "name", Label = "Request", Type = "string" }, new() { Key = "amount", Label = "Amount (USD)", Type = "currency" }, new() { Key = "submitted", Label = "Submitted", Type = "date" }],
        Rows = [.. Enumerable.Range(0, 12).Select(Row)],
        Total = 42,
    };

    public static IEnumerable<(string Name, AdaptiveCard Card)> All(BotRequest personal, BotRequest channel)
    {
        var reports = new[]
        {
            new SearchResult { Sid = "p-1", Name = "Open purchase requests", Category = "Purchasing", Description = "Purchase requests waiting for approval." },
            new SearchResult { Sid = "p-2", Name = "Expense claims this quarter", Category = "Finance", Description = "Every claim since the start of the quarter." },
        };
        var report = new ReportView("p-1", "Open purchase requests");
        var exposed = ReportFilterForm.Exposed(Filters);
        var given = new Dictionary<string, string> { [ReportFilterForm.InputId(exposed[3])] = "IT", [ReportFilterForm.InputId(exposed[2])] = "2026-11-01" };
        yield return ("reports", ReportCards.Catalog(reports, new ReportCatalogView(), personal));
        yield return ("reports-none", ReportCards.Catalog([], new ReportCatalogView("salaries"), personal, new CardNotice("That report is not one you may run.", IsProblem: true)));
        yield return ("reports-in-channel-for-everyone", ReportCards.Private(channel, new ReportCatalogView()));
        yield return ("report-filters", ReportCards.FilterForm(report, exposed, given, personal));
        yield return ("report-filters-problem", ReportCards.FilterForm(report, exposed, given, personal, "“Amount at least” takes a number."));
        yield return ("report-result", ReportCards.Result(report with { Start = 10 }, Result, "Department: IT", personal));
        yield return ("report-result-empty", ReportCards.Result(report, new ReportResult { Columns = Result.Columns }, "Department: IT", channel));
        yield return ("report-export-ready", ReportCards.ExportReady(report, new Uri("https://integrifybot.example.com/reports/export?key=secret"), new DateTimeOffset(2026, 11, 28, 9, 10, 0, TimeSpan.Zero), personal));
        yield return ("report-export-unavailable", ReportCards.ExportUnavailable(report));
    }

    public static ReportFilter Filter(string text, string fieldType, string? options = null) => new()
    {
        Text = text,
        MappingVal = "Request|" + text,
        Expose = true,
        FieldType = fieldType,
        Options = options is null ? null : JsonDocument.Parse(options).RootElement,
    };

    private static IReadOnlyDictionary<string, JsonElement> Row(int index) => new Dictionary<string, JsonElement>
    {
        ["id"] = JsonSerializer.SerializeToElement(5001 + index),
        ["name"] = JsonSerializer.SerializeToElement($"Laptop **{index}** – Alex"),
        ["amount"] = JsonSerializer.SerializeToElement(1234.5m + index),
        ["submitted"] = JsonSerializer.SerializeToElement($"2026-11-{10 + index:00}T00:00:00Z"),
    };
}
