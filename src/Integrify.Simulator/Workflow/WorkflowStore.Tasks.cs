using Integrify.Simulator.Api;
using Integrify.Simulator.Api.Contracts;

namespace Integrify.Simulator.Workflow;

internal sealed partial class WorkflowStore
{
    public static readonly IReadOnlyList<string> TaskSorts = ["dueDate", "startDate", "taskName"];

    /// <summary>T1: the caller's open tasks; tasks without a due date come last in either direction.</summary>
    public PagedResponse<TaskItemResponse> MyTasks(UserAccount caller, ListQuery query)
    {
        lock (gate)
        {
            var mine = data.Tasks.Values
                .Where(task => task.Status == RecipientTaskStatus.Open && task.Assignee.UserName == caller.UserName)
                .Where(task => query.Search is null || query.MatchesId(task.Request.Id)
                    || query.MatchesText(task.Step.Name, task.Request.Name, task.Request.Process.Name));
            var sorted = query.Sort switch
            {
                "startDate" => Order(mine.OrderBy(_ => 0), task => task.StartDate, query.Descending),
                "taskName" => Order(mine.OrderBy(_ => 0), task => task.Step.Name, query.Descending, StringComparer.OrdinalIgnoreCase),
                _ => Order(mine.OrderBy(task => task.DueDate is null), task => task.DueDate, query.Descending),
            };
            var all = sorted.ThenBy(task => task.Request.Id).ThenBy(task => task.Sid).ToList();
            return new PagedResponse<TaskItemResponse>(all.Count, [.. all.Skip(query.Start).Take(query.Count).Select(WorkflowViews.Item)]);
        }
    }

    /// <summary>T2, for open and completed approvals alike.</summary>
    public Outcome<ApprovalResponse> Approval(UserAccount caller, string sid)
    {
        lock (gate)
        {
            var found = FindTaskFor(caller, sid);
            if (found.Problem is not null)
            {
                return found.Problem;
            }

            var task = found.Value!;
            return task.Step.Kind == TaskKind.Approval ? WorkflowViews.Approval(task) : WrongKind(task, TaskKind.Approval);
        }
    }

    /// <summary>T3: checks the task, its state, the choice and the comment, in that order, then moves the request on.</summary>
    public Outcome<CompletionResponse> Approve(UserAccount caller, string sid, ApprovalBody? body)
    {
        lock (gate)
        {
            var found = OpenApproval(FindTaskFor(caller, sid));
            if (found.Problem is not null)
            {
                return found.Problem;
            }

            var task = found.Value!;
            var values = string.Join(", ", task.Choices.Select(choice => choice.Value));
            if (string.IsNullOrWhiteSpace(body?.Approval))
            {
                return ApiProblem.BadRequest($"Approval is required: one of {values}.");
            }

            var choice = task.FindChoice(body.Approval.Trim());
            if (choice is null)
            {
                return ApiProblem.BadRequest($"'{body.Approval}' is not a choice of this approval: use one of {values}.");
            }

            if (choice.CommentRequired && string.IsNullOrWhiteSpace(body.Comments))
            {
                return ApiProblem.BadRequest($"A comment is required to {choice.Label}: say why in Comments.");
            }

            return CompleteNow(task, caller, choice, body.Comments);
        }
    }

    /// <summary>T4 and T5: completes an openUrl or milestone task.</summary>
    public Outcome<CompletionResponse> Complete(UserAccount caller, string sid, TaskKind kind)
    {
        lock (gate)
        {
            var found = FindTaskFor(caller, sid);
            if (found.Problem is not null)
            {
                return found.Problem;
            }

            var task = found.Value!;
            if (task.Step.Kind != kind)
            {
                return WrongKind(task, kind);
            }

            return NotOpen(task) is { } closed ? closed : CompleteNow(task, caller, null, null);
        }
    }

    /// <summary>T6: hands the caller's open task to someone else.</summary>
    public Outcome<bool> Reassign(UserAccount caller, string sid, string contactSid)
    {
        lock (gate)
        {
            var found = FindTaskFor(caller, sid);
            if (found.Problem is not null)
            {
                return found.Problem;
            }

            if (NotOpen(found.Value!) is { } closed)
            {
                return closed;
            }

            if (!found.Value!.Step.AllowReassign)
            {
                return ApiProblem.BadRequest("This task cannot be reassigned: its process does not allow it.");
            }

            var target = Guid.TryParse(contactSid, out var key) ? data.FindUser(key) : null;
            if (target is null)
            {
                return ApiProblem.NotFound($"There is no user with contactSid '{contactSid}'.");
            }

            if (target.UserName == caller.UserName)
            {
                return ApiProblem.BadRequest("The task is already assigned to you.");
            }

            found.Value!.Assignee = target;
            return true;
        }
    }

    private CompletionResponse CompleteNow(RecipientTask task, UserAccount caller, ApprovalChoiceDefinition? choice, string? comment)
    {
        var now = Now;
        var next = WorkflowEngine.Complete(data, task, caller, choice, now);
        if (!string.IsNullOrWhiteSpace(comment))
        {
            task.Request.Comments.Add(new CommentEntry(comment.Trim(), caller, now));
        }

        return WorkflowViews.Completion(task.Request, next, caller);
    }

    private static IOrderedEnumerable<RecipientTask> Order<TKey>(
        IOrderedEnumerable<RecipientTask> tasks, Func<RecipientTask, TKey> key, bool descending, IComparer<TKey>? comparer = null) =>
        descending ? tasks.ThenByDescending(key, comparer) : tasks.ThenBy(key, comparer);
}
