namespace Integrify.Simulator;

/// <summary>
/// A new task for a user (the body of <c>POST /_sim/tasks</c>): the simulator starts a request of the
/// process and puts it at the first step of that task type, assigned to the user.
/// </summary>
public sealed record TaskAssignment
{
    /// <summary>Who gets the task, e.g. <c>alexw</c>.</summary>
    public string UserName { get; init; } = string.Empty;

    /// <summary><c>approval</c> (the default), <c>form</c>, <c>openUrl</c> or <c>milestone</c>.</summary>
    public string? TaskType { get; init; }

    /// <summary>A process with a step of that type; by default Purchase Request, or IT Access for openUrl.</summary>
    public string? ProcessName { get; init; }

    /// <summary>Which step of that type, by name (such as "Security review"); by default the process's first.</summary>
    public string? StepName { get; init; }

    /// <summary>The request's name; by default "{process} for {requester's first name}".</summary>
    public string? RequestName { get; init; }

    /// <summary>Who the request is for; by default someone who reports to the user (or the user, for a requester's step).</summary>
    public string? RequesterUserName { get; init; }

    /// <summary>The due date; by default the step's usual time from now.</summary>
    public DateTimeOffset? DueDate { get; init; }

    /// <summary>True for a task without a due date.</summary>
    public bool NoDueDate { get; init; }

    /// <summary>Low, Normal or High; by default the step's priority.</summary>
    public string? Priority { get; init; }
}
