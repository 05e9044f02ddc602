using System.Globalization;
using System.Text.Json;
using Integrify.Simulator.Api.Contracts;
using Integrify.Simulator.Auth;
using Integrify.Simulator.Reports;
using Integrify.Simulator.Workflow;

namespace Integrify.Simulator.Api;

/// <summary>P1 to P4: runnable reports, their filters, running them and exporting CSV.</summary>
internal static class ReportEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/reports/search", (string? search, HttpContext context, WorkflowStore store) =>
            Results.Json(store.Reports(context.Caller().User, search))).WithName("P1");
        api.MapGet("/reports/{reportSid}/filters", Filters).WithName("P2");
        api.MapPost("/reports/{reportSid}/run", Run).WithName("P3");
        api.MapGet("/reports/{reportSid}/export/data/csv", Export).WithName("P4");
    }

    private static IResult Filters(string reportSid, HttpContext context, WorkflowStore store) =>
        store.Report(context.Caller().User, reportSid).ToResult(report => Results.Json(report.Filters
            .Select(filter => new ReportFilterResponse(filter.MappingVal, filter.Exposed, filter.Value, filter.Text, filter.Operator, filter.FieldType, filter.Options))
            .ToList()));

    private static IResult Run(string reportSid, string? limit, List<ReportFilterValueBody>? body, HttpContext context, WorkflowStore store)
    {
        if (!TryCount(limit, DefaultLimit, out var take) || take < 1)
        {
            return ApiProblem.BadRequest($"limit must be a whole number from 1 to {MaxLimit}.").ToResult();
        }

        var rows = FilteredRows(store, context, reportSid, body, out var report);
        return rows.ToResult(all => Results.Json(new ReportRunResponse(
            [.. report!.Columns.Select(column => new ReportColumnResponse(column.Key, column.Label, column.TypeName))],
            [.. all.Take(Math.Min(take, MaxLimit))],
            all.Count)));
    }

    /// <summary>The rows as CSV; <c>filters</c> may carry the same JSON array as P3's body.</summary>
    private static IResult Export(string reportSid, string? start, string? count, string? filters, HttpContext context, WorkflowStore store)
    {
        if (!TryCount(start, 0, out var skip) || skip < 0 || !TryCount(count, int.MaxValue, out var take) || take < 1)
        {
            return ApiProblem.BadRequest("start must be 0 or more and count 1 or more.").ToResult();
        }

        List<ReportFilterValueBody>? values;
        try
        {
            values = string.IsNullOrWhiteSpace(filters) ? null : JsonSerializer.Deserialize<List<ReportFilterValueBody>>(filters, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return ApiProblem.BadRequest("filters must be a JSON array of {\"label\",\"value\"}.").ToResult();
        }

        var rows = FilteredRows(store, context, reportSid, values, out var report);
        return rows.ToResult(all => Results.Text(ReportCsv.Write(report!.Columns, all.Skip(skip).Take(take)), "text/csv; charset=utf-8"));
    }

    private static Outcome<List<IReadOnlyDictionary<string, object?>>> FilteredRows(
        WorkflowStore store, HttpContext context, string reportSid, List<ReportFilterValueBody>? values, out ReportDefinition? report)
    {
        var found = store.Report(context.Caller().User, reportSid);
        report = found.Value;
        if (found.Problem is not null)
        {
            return found.Problem;
        }

        var predicates = ReportFilterParser.Parse(report!, values, store.Now);
        if (predicates.Problem is not null)
        {
            return predicates.Problem;
        }

        return report!.Rows.Where(row => predicates.Value!.All(matches => matches(row))).ToList();
    }

    private static bool TryCount(string? text, int fallback, out int value)
    {
        value = fallback;
        return string.IsNullOrWhiteSpace(text) || int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }
}
