using System.Text.Json;

namespace Integrify.Simulator.Workflow;

/// <summary>
/// Moves requests through their process: each completed step creates the next step's task, the last
/// step completes the request, a rejection ends it (Completed, outcome Rejected or Denied), and
/// "Request changes" sends it back to the requester's form. Callers hold the store's lock.
/// </summary>
internal static class WorkflowEngine
{
    /// <param name="stepIndex">Where the request begins; the control API starts requests further along.</param>
    public static WorkflowRequest Start(
        TenantData data,
        ProcessDefinition process,
        UserAccount requester,
        string name,
        IReadOnlyDictionary<string, JsonElement> fields,
        DateTimeOffset now,
        out RecipientTask firstTask,
        int stepIndex = 0,
        UserAccount? assignee = null)
    {
        var request = new WorkflowRequest(data.NewSid(), data.NextRequestId++, name, process, requester, now) { Fields = fields };
        request.SetMilestone("Started", now);
        data.Requests.Add(request.Sid, request);
        firstTask = CreateTask(data, request, stepIndex, now, assignee);
        return request;
    }

    /// <summary>Completes an open task and returns the tasks the request moved on to.</summary>
    /// <param name="choice">The approval's choice; null for the other task types, which always move on.</param>
    public static IReadOnlyList<RecipientTask> Complete(
        TenantData data,
        RecipientTask task,
        UserAccount by,
        ApprovalChoiceDefinition? choice,
        DateTimeOffset now)
    {
        task.Status = RecipientTaskStatus.Completed;
        task.CompletedBy = by;
        task.CompletedDate = now;
        task.Outcome = choice?.Value ?? "Completed";

        var request = task.Request;
        switch (choice?.Effect ?? ChoiceEffect.Advance)
        {
            case ChoiceEffect.End:
                var ending = choice!.Milestone ?? choice.Label;
                request.SetMilestone(ending, now);
                Finish(request, RequestStatus.Completed, ending, now);
                return [];

            case ChoiceEffect.SendBack:
                request.SetMilestone(choice!.Milestone ?? "Changes requested", now);
                return [CreateTask(data, request, request.Process.SendBackStep ?? 0, now)];

            default:
                if (task.Step.Milestone is { } milestone)
                {
                    request.SetMilestone(milestone, now);
                }

                var next = task.StepIndex + 1;
                if (next < request.Process.Steps.Count)
                {
                    return [CreateTask(data, request, next, now)];
                }

                Finish(request, RequestStatus.Completed, request.Process.CompletedOutcome, now);
                return [];
        }
    }

    public static void Cancel(WorkflowRequest request, DateTimeOffset now)
    {
        request.SetMilestone("Canceled", now);
        Finish(request, RequestStatus.Canceled, "Canceled", now);
    }

    public static RecipientTask CreateTask(TenantData data, WorkflowRequest request, int stepIndex, DateTimeOffset now, UserAccount? assignee = null)
    {
        var step = request.Process.Steps[stepIndex];
        var task = new RecipientTask(data.NewSid(), data.NewSid(), request, stepIndex, assignee ?? data.RoleHolder(step.Role, request), now)
        {
            DueDate = now + step.DueIn,
            Priority = step.Priority,
        };
        request.Tasks.Add(task);
        data.Tasks.Add(task.Sid, task);
        return task;
    }

    private static void Finish(WorkflowRequest request, RequestStatus status, string outcome, DateTimeOffset now)
    {
        request.Status = status;
        request.Outcome = outcome;
        request.CompletedDate = now;
        foreach (var open in request.OpenTasks.ToList())
        {
            open.Status = RecipientTaskStatus.Canceled;
            open.CompletedDate = now;
        }
    }
}
