namespace Integrify.Simulator.Workflow;

/// <summary>
/// Everything the simulated tenant holds: people, processes, requests with their tasks, and reports.
/// Replaced as a whole on reset; its mutable parts are only touched while holding the store's lock.
/// </summary>
internal sealed class TenantData(DateTimeOffset seededAt, Demo.UserDirectory users, IReadOnlyDictionary<StepRole, string> roleHolders)
{
    public DateTimeOffset SeededAt { get; } = seededAt;

    public IReadOnlyList<UserAccount> Users => users.All;

    public IReadOnlyList<UserAccount> UsersByName => users.ByName;

    public IReadOnlyList<ProcessDefinition> Processes { get; set; } = [];

    public IReadOnlyList<Reports.ReportDefinition> Reports { get; set; } = [];

    public Dictionary<Guid, WorkflowRequest> Requests { get; } = [];

    public Dictionary<Guid, RecipientTask> Tasks { get; } = [];

    /// <summary>Seeding swaps in a deterministic source so that the demo's sids are the same on every run.</summary>
    public Func<Guid> NewSid { get; set; } = Guid.NewGuid;

    public long NextRequestId { get; set; } = 1001;

    public UserAccount? FindUser(string? userName) => users.Find(userName);

    public UserAccount? FindUser(Guid sid) => users.Find(sid);

    public UserAccount RoleHolder(StepRole role, WorkflowRequest request) => role switch
    {
        StepRole.Requester => request.Requester,
        StepRole.Manager => FindUser(request.Requester.ManagerUserName) ?? request.Requester,
        _ => FindUser(roleHolders[role]) ?? throw new InvalidOperationException($"Nobody holds the role {role}."),
    };
}
