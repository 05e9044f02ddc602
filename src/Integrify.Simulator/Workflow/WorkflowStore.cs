using Integrify.Simulator.Api;
using Integrify.Simulator.Demo;

namespace Integrify.Simulator.Workflow;

/// <summary>
/// The tenant's state and every operation on it. One lock keeps each operation whole: of fifty
/// people approving the same task at once, exactly one wins and the rest are told who did.
/// </summary>
internal sealed partial class WorkflowStore(TimeProvider time, UserDirectory users)
{
    private readonly Lock gate = new();
    private TenantData data = DemoSeeder.Create(time.GetUtcNow(), users);

    public DateTimeOffset SeededAt => Volatile.Read(ref data).SeededAt;

    /// <summary>Puts the demo tenant back as it was seeded, with dates relative to now.</summary>
    public DateTimeOffset Reset()
    {
        var fresh = DemoSeeder.Create(time.GetUtcNow(), users);
        lock (gate)
        {
            data = fresh;
        }

        return fresh.SeededAt;
    }

    public DateTimeOffset Now => time.GetUtcNow();

    private Outcome<RecipientTask> FindTask(string? sid)
    {
        if (!Guid.TryParse(sid, out var key) || !data.Tasks.TryGetValue(key, out var task))
        {
            return ApiProblem.NotFound($"There is no recipient task '{sid}'.");
        }

        return task;
    }

    /// <summary>The task, if it exists and is the caller's own.</summary>
    private Outcome<RecipientTask> FindTaskFor(UserAccount caller, string? sid)
    {
        var found = FindTask(sid);
        if (found.Problem is null && found.Value!.Assignee.UserName != caller.UserName)
        {
            return ApiProblem.Forbidden("permission denied: this task is assigned to someone else.");
        }

        return found;
    }

    private Outcome<WorkflowRequest> FindRequest(string? sid)
    {
        if (!Guid.TryParse(sid, out var key) || !data.Requests.TryGetValue(key, out var request))
        {
            return ApiProblem.NotFound($"There is no request '{sid}'.");
        }

        return request;
    }

    /// <summary>Null while the task is open; otherwise the 409 that says why it cannot be completed.</summary>
    /// <summary>The task found, if it is an approval still open; otherwise why it cannot be acted on.</summary>
    private static Outcome<RecipientTask> OpenApproval(Outcome<RecipientTask> found)
    {
        if (found.Problem is not null)
        {
            return found.Problem;
        }

        var task = found.Value!;
        if (task.Step.Kind != TaskKind.Approval)
        {
            return WrongKind(task, TaskKind.Approval);
        }

        return NotOpen(task) is { } closed ? closed : task;
    }

    private static ApiProblem? NotOpen(RecipientTask task) => task.Status switch
    {
        RecipientTaskStatus.Completed => ApiProblem.AlreadyCompleted(task.CompletedBy!.FullName, task.CompletedDate!.Value),
        RecipientTaskStatus.Canceled => ApiProblem.Conflict($"Request #{task.Request.Id} is {task.Request.Status}; its open tasks were closed."),
        _ => null,
    };

    private static ApiProblem WrongKind(RecipientTask task, TaskKind expected) =>
        ApiProblem.BadRequest($"'{task.Step.Name}' is a {task.Step.Kind.ApiName()} task; this call is for {expected.ApiName()} tasks.");
}
