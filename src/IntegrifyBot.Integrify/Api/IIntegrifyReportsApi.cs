using IntegrifyBot.Integrify.Api.Models;
using Refit;

namespace IntegrifyBot.Integrify.Api;

/// <summary>P1–P4: reports the user may run, their filters, results and CSV export.</summary>
public interface IIntegrifyReportsApi
{
    [Get(IntegrifyPaths.RunnableReports)]
    Task<IReadOnlyList<SearchResult>> SearchReportsAsync(
        [Property(IntegrifyUser.RequestOption)] IntegrifyUser user,
        [AliasAs("search")] string? search,
        CancellationToken cancellationToken,
        [AliasAs("permissionType")] string permissionType = IntegrifyPaths.RunPermission);

    [Get(IntegrifyPaths.ReportFilters)]
    Task<IReadOnlyList<ReportFilter>> GetFiltersAsync([Property(IntegrifyUser.RequestOption)] IntegrifyUser user, string reportSid, CancellationToken cancellationToken);

    /// <summary>P3: running a report only reads, but it is a POST, so it is not retried.</summary>
    [Post(IntegrifyPaths.RunReport)]
    Task<ReportResult> RunAsync(
        [Property(IntegrifyUser.RequestOption)] IntegrifyUser user,
        string reportSid,
        [Body] IReadOnlyList<ReportFilterValue> filters,
        CancellationToken cancellationToken,
        [AliasAs("limit")] int? limit = null);

    /// <summary>P4: the CSV, streamed. <paramref name="filters"/> is P3's filter array as JSON, so the export has the rows the card showed.</summary>
    [Get(IntegrifyPaths.ExportReport)]
    Task<Stream> ExportCsvAsync(
        [Property(IntegrifyUser.RequestOption)] IntegrifyUser user,
        string reportSid,
        CancellationToken cancellationToken,
        [AliasAs("start")] int? start = null,
        [AliasAs("count")] int? count = null,
        [AliasAs("filters")] string? filters = null);
}
