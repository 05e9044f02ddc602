using IntegrifyBot.Integrify.Api.Models;
using Refit;

namespace IntegrifyBot.Integrify.Api;

/// <summary>R1–R5: processes the user may start, and their requests.</summary>
public interface IIntegrifyRequestsApi
{
    [Get(IntegrifyPaths.StartableProcesses)]
    Task<IReadOnlyList<SearchResult>> SearchProcessesAsync(
        [Property(IntegrifyUser.RequestOption)] IntegrifyUser user,
        [AliasAs("search")] string? search,
        CancellationToken cancellationToken,
        [AliasAs("permissionType")] string permissionType = IntegrifyPaths.StartPermission);

    /// <summary>R2. Never retried: a second start would be a second request.</summary>
    [Post(IntegrifyPaths.StartRequest)]
    Task<StartedRequest> StartRequestAsync(
        [Property(IntegrifyUser.RequestOption)] IntegrifyUser user,
        string processSid,
        [Query, AliasAs("requestName")] string requestName,
        [Body] IReadOnlyDictionary<string, string> fields,
        CancellationToken cancellationToken);

    [Get(IntegrifyPaths.Request)]
    Task<RequestDetails> GetRequestAsync([Property(IntegrifyUser.RequestOption)] IntegrifyUser user, string instanceSid, CancellationToken cancellationToken);

    [Get(IntegrifyPaths.Requests)]
    Task<PagedList<RequestSummary>> ListRequestsAsync(
        [Property(IntegrifyUser.RequestOption)] IntegrifyUser user,
        [Query] ListQuery query,
        CancellationToken cancellationToken,
        string permissionType = IntegrifyPaths.RequesterPermission);

    /// <summary>R5. A GET that changes state, so it is not retried.</summary>
    [Get(IntegrifyPaths.CancelRequest)]
    Task CancelRequestAsync([Property(IntegrifyUser.RequestOption)] IntegrifyUser user, string instanceSid, CancellationToken cancellationToken);
}
