namespace IntegrifyBot.Integrify.Api.Models;

/// <summary>T1: one of the user's open tasks (a recipient task: one user's assignment of a task in a request).</summary>
public sealed record TaskItem
{
    public string RecipientTaskSid { get; init; } = string.Empty;
    public string? InstanceTaskSid { get; init; }
    public string? TaskName { get; init; }

    /// <summary>approval, form, openUrl, milestone, dataContainer, or others.</summary>
    public string? TaskType { get; init; }
    public string? InstanceSid { get; init; }
    public long? InstanceId { get; init; }
    public string? RequestName { get; init; }
    public string? ProcessName { get; init; }
    public DateTimeOffset? StartDate { get; init; }
    public DateTimeOffset? DueDate { get; init; }
    public string? Priority { get; init; }
    public string? Status { get; init; }

    /// <summary>Whether Integrify lets the assignee hand the task on (T6); null when Integrify does not say, taken as allowed.</summary>
    public bool? AllowReassign { get; init; }
}
