using System.Text.Json;

namespace Integrify.Simulator.Workflow;

/// <summary>A process instance. Mutable; only touched while holding the store's lock.</summary>
internal sealed class WorkflowRequest(Guid sid, long id, string name, ProcessDefinition process, UserAccount requester, DateTimeOffset createdDate)
{
    public Guid Sid { get; } = sid;

    public long Id { get; } = id;

    public string Name { get; } = name;

    public ProcessDefinition Process { get; } = process;

    public UserAccount Requester { get; } = requester;

    public DateTimeOffset CreatedDate { get; } = createdDate;

    public RequestStatus Status { get; set; } = RequestStatus.Started;

    public string? Outcome { get; set; }

    public DateTimeOffset? CompletedDate { get; set; }

    public string? LastMilestone { get; set; }

    public DateTimeOffset? LastMilestoneDate { get; set; }

    public IReadOnlyDictionary<string, JsonElement> Fields { get; init; } = new Dictionary<string, JsonElement>();

    public List<CommentEntry> Comments { get; } = [];

    public List<RecipientTask> Tasks { get; } = [];

    public IEnumerable<RecipientTask> OpenTasks => Tasks.Where(task => task.Status == RecipientTaskStatus.Open);

    /// <summary>The requester and everyone who holds or held a task in it may see the request.</summary>
    public bool IsParticipant(UserAccount user) =>
        Requester.UserName == user.UserName || Tasks.Any(task => task.Assignee.UserName == user.UserName);

    public void SetMilestone(string milestone, DateTimeOffset at)
    {
        LastMilestone = milestone;
        LastMilestoneDate = at;
    }
}
