using System.Text.Json;
using Integrify.Simulator.Api;
using Integrify.Simulator.Api.Contracts;

namespace Integrify.Simulator.Workflow;

internal sealed partial class WorkflowStore
{
    public static readonly IReadOnlyList<string> RequestSorts = ["createdDate", "name", "id", "status", "lastMilestoneDate"];

    private const int MaxRequestNameLength = 200;

    /// <summary>R1: processes by name; with <paramref name="startableOnly"/>, only those the caller may start.</summary>
    public IReadOnlyList<CatalogItemResponse> Processes(UserAccount caller, string? search, bool startableOnly) =>
        [.. Volatile.Read(ref data).Processes
            .Where(process => !startableOnly || process.CanBeStartedBy(caller))
            .Where(process => string.IsNullOrWhiteSpace(search) || new[] { process.Name, process.Description, process.Category }
                .Any(text => text.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase)))
            .OrderBy(process => process.Name, StringComparer.OrdinalIgnoreCase)
            .Select(WorkflowViews.Catalog)];

    /// <summary>R2: starts a request for the caller with the given field values.</summary>
    public Outcome<StartResponse> Start(UserAccount caller, string processSid, string? requestName, IReadOnlyDictionary<string, JsonElement>? fields)
    {
        if (string.IsNullOrWhiteSpace(requestName))
        {
            return ApiProblem.BadRequest("requestName is required: the name people will see for the request.");
        }

        if (requestName.Length > MaxRequestNameLength)
        {
            return ApiProblem.BadRequest($"requestName has at most {MaxRequestNameLength} characters.");
        }

        lock (gate)
        {
            var process = Guid.TryParse(processSid, out var key) ? data.Processes.FirstOrDefault(candidate => candidate.Sid == key) : null;
            if (process is null)
            {
                return ApiProblem.NotFound($"There is no process '{processSid}'.");
            }

            if (!process.CanBeStartedBy(caller))
            {
                return ApiProblem.Forbidden($"permission denied: you may not start {process.Name}.");
            }

            var stored = (fields ?? new Dictionary<string, JsonElement>()).ToDictionary(pair => pair.Key, pair => pair.Value.Clone());
            var request = WorkflowEngine.Start(data, process, caller, requestName.Trim(), stored, Now, out var first);
            return new StartResponse(WorkflowViews.Sid(request.Sid), request.Id, [WorkflowViews.Next(first, caller)]);
        }
    }

    /// <summary>R3: a request the caller started or takes part in.</summary>
    public Outcome<RequestDetailsResponse> Request(UserAccount caller, string sid)
    {
        lock (gate)
        {
            var found = FindRequest(sid);
            if (found.Problem is not null)
            {
                return found.Problem;
            }

            return found.Value!.IsParticipant(caller)
                ? WorkflowViews.Details(found.Value)
                : ApiProblem.Forbidden("permission denied: you are neither the requester nor a participant of this request.");
        }
    }

    /// <summary>R4: the caller's own requests (permission type <c>requester</c>), newest first unless sorted otherwise.</summary>
    public Outcome<PagedResponse<RequestSummaryResponse>> Requests(UserAccount caller, string permissionType, ListQuery query)
    {
        if (!string.Equals(permissionType, "requester", StringComparison.OrdinalIgnoreCase))
        {
            return ApiProblem.BadRequest($"Unknown permission type '{permissionType}': the simulator lists requests for 'requester'.");
        }

        lock (gate)
        {
            var mine = data.Requests.Values
                .Where(request => request.Requester.UserName == caller.UserName)
                .Where(request => query.Search is null || query.MatchesId(request.Id) || query.MatchesText(request.Name, request.Process.Name));
            var sorted = query.Sort switch
            {
                "name" => By(mine, request => request.Name, query.Descending, StringComparer.OrdinalIgnoreCase),
                "id" => By(mine, request => request.Id, query.Descending),
                "status" => By(mine, request => request.Status.ToString(), query.Descending, StringComparer.Ordinal),
                "lastMilestoneDate" => By(mine, request => request.LastMilestoneDate, query.Descending),
                _ => By(mine, request => request.CreatedDate, query.Descending),
            };
            var all = sorted.ThenBy(request => request.Id).ToList();
            return new PagedResponse<RequestSummaryResponse>(all.Count, [.. all.Skip(query.Start).Take(query.Count).Select(WorkflowViews.Summary)]);
        }
    }

    /// <summary>R5: only the requester, and only while the request is Started.</summary>
    public Outcome<bool> Cancel(UserAccount caller, string sid)
    {
        lock (gate)
        {
            var found = FindRequest(sid);
            if (found.Problem is not null)
            {
                return found.Problem;
            }

            var request = found.Value!;
            if (request.Requester.UserName != caller.UserName)
            {
                return ApiProblem.Forbidden("permission denied: only the requester may cancel a request.");
            }

            if (request.Status != RequestStatus.Started)
            {
                return ApiProblem.Conflict($"Request #{request.Id} is already {request.Status}.");
            }

            WorkflowEngine.Cancel(request, Now);
            return true;
        }
    }

    private static IOrderedEnumerable<WorkflowRequest> By<TKey>(
        IEnumerable<WorkflowRequest> requests, Func<WorkflowRequest, TKey> key, bool descending, IComparer<TKey>? comparer = null) =>
        descending ? requests.OrderByDescending(key, comparer) : requests.OrderBy(key, comparer);
}
