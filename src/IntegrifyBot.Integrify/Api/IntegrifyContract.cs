using Refit;

namespace IntegrifyBot.Integrify.Api;

/// <summary>
/// Every call the bot makes, as the contract names it. A request Refit built is recognised by its verb
/// and its path template (Refit puts the template in the request's options), so handlers know which
/// call they carry whatever address it ends up with.
/// </summary>
internal static class IntegrifyContract
{
    public static readonly IntegrifyPermission StartPermission = new("Start", IntegrifyPaths.StartPermission, "permissionType", InPath: false);
    public static readonly IntegrifyPermission RunPermission = new("Run", IntegrifyPaths.RunPermission, "permissionType", InPath: false);
    public static readonly IntegrifyPermission RequesterPermission = new("Requester", IntegrifyPaths.RequesterPermission, "permissionType", InPath: true);

    public static IReadOnlyList<IntegrifyCall> Calls { get; } =
    [
        new("A1", HttpMethod.Post, nameof(IntegrifyPaths.PasswordLogin), IntegrifyPaths.PasswordLogin),
        new("A2", HttpMethod.Post, nameof(IntegrifyPaths.Refresh), IntegrifyPaths.Refresh),
        new("A3", HttpMethod.Get, nameof(IntegrifyPaths.PersonalKeyLogin), IntegrifyPaths.PersonalKeyLogin, KeyInPath: true),
        new("A4", HttpMethod.Get, nameof(IntegrifyPaths.OrganizationKeyLogin), IntegrifyPaths.OrganizationKeyLogin, KeyInPath: true),
        new("A5", HttpMethod.Delete, nameof(IntegrifyPaths.Logout), IntegrifyPaths.Logout),
        new("U1", HttpMethod.Get, nameof(IntegrifyPaths.CurrentUser), IntegrifyPaths.CurrentUser),
        new("U2", HttpMethod.Get, nameof(IntegrifyPaths.SearchUsers), IntegrifyPaths.SearchUsers),
        new("T1", HttpMethod.Get, nameof(IntegrifyPaths.MyTasks), IntegrifyPaths.MyTasks),
        new("T2", HttpMethod.Get, nameof(IntegrifyPaths.Approval), IntegrifyPaths.Approval),
        new("T3", HttpMethod.Post, nameof(IntegrifyPaths.Approval), IntegrifyPaths.Approval),
        new("T4", HttpMethod.Post, nameof(IntegrifyPaths.CompleteOpenUrl), IntegrifyPaths.CompleteOpenUrl),
        new("T5", HttpMethod.Post, nameof(IntegrifyPaths.CompleteMilestone), IntegrifyPaths.CompleteMilestone),
        new("T6", HttpMethod.Get, nameof(IntegrifyPaths.Reassign), IntegrifyPaths.Reassign, ChangesState: true),
        new("T7", HttpMethod.Get, nameof(IntegrifyPaths.Comments), IntegrifyPaths.Comments),
        new("T8", HttpMethod.Post, nameof(IntegrifyPaths.PostComment), IntegrifyPaths.PostComment),
        new("R1", HttpMethod.Get, nameof(IntegrifyPaths.StartableProcesses), IntegrifyPaths.StartableProcesses, Permission: StartPermission),
        new("R2", HttpMethod.Post, nameof(IntegrifyPaths.StartRequest), IntegrifyPaths.StartRequest),
        new("R3", HttpMethod.Get, nameof(IntegrifyPaths.Request), IntegrifyPaths.Request),
        new("R4", HttpMethod.Get, nameof(IntegrifyPaths.Requests), IntegrifyPaths.Requests, Permission: RequesterPermission),
        new("R5", HttpMethod.Get, nameof(IntegrifyPaths.CancelRequest), IntegrifyPaths.CancelRequest, ChangesState: true),
        new("P1", HttpMethod.Get, nameof(IntegrifyPaths.RunnableReports), IntegrifyPaths.RunnableReports, Permission: RunPermission),
        new("P2", HttpMethod.Get, nameof(IntegrifyPaths.ReportFilters), IntegrifyPaths.ReportFilters),
        new("P3", HttpMethod.Post, nameof(IntegrifyPaths.RunReport), IntegrifyPaths.RunReport),
        new("P4", HttpMethod.Get, nameof(IntegrifyPaths.ExportReport), IntegrifyPaths.ExportReport),
    ];

    /// <summary>The names an Integrify:Paths override may take, each with the path the contract gives.</summary>
    public static IReadOnlyDictionary<string, string> Paths { get; } = Calls
        .DistinctBy(call => call.PathName)
        .ToDictionary(call => call.PathName, call => call.Path, StringComparer.OrdinalIgnoreCase);

    /// <summary>The names an Integrify:Permissions override may take.</summary>
    public static IReadOnlyDictionary<string, IntegrifyPermission> Permissions { get; } =
        new[] { StartPermission, RunPermission, RequesterPermission }.ToDictionary(permission => permission.Name, StringComparer.OrdinalIgnoreCase);

    private static readonly HttpRequestOptionsKey<string> TemplateOption = new(HttpRequestMessageOptions.RelativePathTemplate);

    private static readonly Dictionary<(HttpMethod, string), IntegrifyCall> ByVerbAndPath = Calls.ToDictionary(call => (call.Method, call.Path));

    /// <summary>The call a request Refit built is; null for any other request.</summary>
    public static IntegrifyCall? Of(HttpRequestMessage request) =>
        request.Options.TryGetValue(TemplateOption, out var template) && template is not null
            && ByVerbAndPath.TryGetValue((request.Method, template), out var call)
                ? call
                : null;

    /// <summary>The calls whose path goes by this name (T2 and T3 share one).</summary>
    public static IEnumerable<IntegrifyCall> Named(string pathName) =>
        Calls.Where(call => string.Equals(call.PathName, pathName, StringComparison.OrdinalIgnoreCase));
}
