using Integrify.Simulator.Api;
using Integrify.Simulator.Api.Contracts;
using Integrify.Simulator.Reports;

namespace Integrify.Simulator.Workflow;

internal sealed partial class WorkflowStore
{
    // Reports never change after seeding, so reading them needs no lock, only the current tenant.

    /// <summary>P1: the reports the caller may run.</summary>
    public IReadOnlyList<CatalogItemResponse> Reports(UserAccount caller, string? search) =>
        [.. Volatile.Read(ref data).Reports
            .Where(report => report.CanBeRunBy(caller.UserName))
            .Where(report => string.IsNullOrWhiteSpace(search) || new[] { report.Name, report.Description, report.Category }
                .Any(text => text.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase)))
            .OrderBy(report => report.Name, StringComparer.OrdinalIgnoreCase)
            .Select(report => new CatalogItemResponse(WorkflowViews.Sid(report.Sid), report.Name, report.Description, report.Category))];

    /// <summary>P2 to P4: the report, if it exists and the caller may run it.</summary>
    public Outcome<ReportDefinition> Report(UserAccount caller, string sid)
    {
        var report = Guid.TryParse(sid, out var key) ? Volatile.Read(ref data).Reports.FirstOrDefault(candidate => candidate.Sid == key) : null;
        if (report is null)
        {
            return ApiProblem.NotFound($"There is no report '{sid}'.");
        }

        return report.CanBeRunBy(caller.UserName) ? report : ApiProblem.Forbidden($"permission denied: you may not run '{report.Name}'.");
    }
}
