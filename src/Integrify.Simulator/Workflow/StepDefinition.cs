namespace Integrify.Simulator.Workflow;

/// <param name="DueIn">How long the assignee has, from the moment the task is created; null for no due date.</param>
/// <param name="Milestone">The request's milestone once this step is completed (and the request moves on).</param>
internal sealed record StepDefinition(
    string Name,
    TaskKind Kind,
    StepRole Role,
    TimeSpan? DueIn,
    string? Milestone,
    string Instructions)
{
    public IReadOnlyList<ApprovalChoiceDefinition> Choices { get; init; } = [];

    public string Priority { get; init; } = "Normal";

    /// <summary>Whether the assignee may hand the task to someone else (T6); a process can forbid it.</summary>
    public bool AllowReassign { get; init; } = true;
}
