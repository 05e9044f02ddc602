using System.Text.Json;
using Integrify.Simulator.Api;
using Integrify.Simulator.Api.Contracts;
using Integrify.Simulator.Demo;

namespace Integrify.Simulator.Workflow;

internal sealed partial class WorkflowStore
{
    /// <summary>Starts a request whose current step is a task of the asked type, assigned to the user.</summary>
    public Outcome<AssignedTask> Assign(TaskAssignment? assignment)
    {
        var kind = TaskKinds.FromApiName(assignment?.TaskType ?? "approval");
        if (kind is null)
        {
            return ApiProblem.BadRequest("taskType must be approval, form, openUrl or milestone.");
        }

        lock (gate)
        {
            var user = data.FindUser(assignment?.UserName);
            if (user is null)
            {
                // Only the demo's people are named: a tenant with thousands of generated ones would make it a page.
                var more = data.Users.Count > DemoUsers.All.Count ? $", or {SimulatorOptions.GeneratedUserName(1)} to {SimulatorOptions.GeneratedUserName(data.Users.Count - DemoUsers.All.Count)}" : string.Empty;
                return ApiProblem.BadRequest($"userName must be one of: {string.Join(", ", DemoUsers.All.Select(candidate => candidate.UserName))}{more}.");
            }

            var processName = assignment!.ProcessName ?? (kind == TaskKind.OpenUrl ? DemoProcesses.ItAccess : DemoProcesses.PurchaseRequest);
            var process = data.Processes.FirstOrDefault(candidate => string.Equals(candidate.Name, processName, StringComparison.OrdinalIgnoreCase));
            var stepIndex = process?.Steps.ToList().FindIndex(step => step.Kind == kind && (assignment.StepName is null || string.Equals(step.Name, assignment.StepName, StringComparison.OrdinalIgnoreCase))) ?? -1;
            if (process is null || stepIndex < 0)
            {
                var named = assignment.StepName is null ? string.Empty : $" named '{assignment.StepName}'";
                return ApiProblem.BadRequest($"There is no process '{processName}' with a {kind.Value.ApiName()} step{named}.");
            }

            var step = process.Steps[stepIndex];
            var requester = assignment.RequesterUserName is null
                ? step.Role == StepRole.Requester ? user : data.Users.FirstOrDefault(other => other.ManagerUserName == user.UserName) ?? data.Users.First(other => other != user)
                : data.FindUser(assignment.RequesterUserName);
            if (requester is null)
            {
                return ApiProblem.BadRequest($"There is no user '{assignment.RequesterUserName}'.");
            }

            var name = string.IsNullOrWhiteSpace(assignment.RequestName) ? $"{process.Name} for {requester.NameFirst}" : assignment.RequestName.Trim();
            var request = WorkflowEngine.Start(data, process, requester, name, new Dictionary<string, JsonElement>(), Now, out var task, stepIndex, user);
            if (assignment.NoDueDate || assignment.DueDate is not null)
            {
                task.DueDate = assignment.NoDueDate ? null : assignment.DueDate;
            }

            task.Priority = assignment.Priority ?? task.Priority;
            return new AssignedTask(WorkflowViews.Sid(task.Sid), WorkflowViews.Sid(request.Sid), request.Id, step.Name, kind.Value.ApiName(), request.Name);
        }
    }

    /// <summary>Completes any open task as its holder would, including forms, which the API cannot complete.</summary>
    public Outcome<CompletionResponse> CompleteAsHolder(string sid, string? value, string? comment)
    {
        lock (gate)
        {
            var found = FindTask(sid);
            if (found.Problem is not null)
            {
                return found.Problem;
            }

            var task = found.Value!;
            if (NotOpen(task) is { } closed)
            {
                return closed;
            }

            ApprovalChoiceDefinition? choice = null;
            if (task.Step.Kind == TaskKind.Approval)
            {
                choice = value is null ? task.AdvancingChoice : task.FindChoice(value);
                if (choice is null)
                {
                    return ApiProblem.BadRequest($"'{value}' is not a choice of this approval.");
                }
            }

            return CompleteNow(task, task.Assignee, choice, comment);
        }
    }

    /// <summary>Changes what an open approval offers, keeping what a value it already had does to the request.</summary>
    public Outcome<ApprovalResponse> ChangeChoices(string sid, ChoiceChange? change)
    {
        if (ChoiceChangeProblem(change) is { } problem)
        {
            return ApiProblem.BadRequest(problem);
        }

        lock (gate)
        {
            var found = OpenApproval(FindTask(sid));
            if (found.Problem is not null)
            {
                return found.Problem;
            }

            var task = found.Value!;
            task.Choices =
            [
                .. change!.Choices!.Select(offered => task.FindChoice(offered!.Value!.Trim()) is { } known
                    ? known with { Label = offered.Label!.Trim(), CommentRequired = offered.CommentRequired ?? known.CommentRequired }
                    : new ApprovalChoiceDefinition(offered.Value!.Trim(), offered.Label!.Trim(), ChoiceEffect.End, offered.CommentRequired ?? false, offered.Label!.Trim())),
            ];
            return WorkflowViews.Approval(task);
        }
    }

    private static string? ChoiceChangeProblem(ChoiceChange? change)
    {
        const int MaxChoices = 10, MaxLength = 100;
        if (change?.Choices is not { Count: > 0 and <= MaxChoices } choices)
        {
            return $"Send {{\"choices\":[{{\"value\",\"label\",\"commentRequired\"}}]}} with 1 to {MaxChoices} choices.";
        }

        if (choices.Any(choice => string.IsNullOrWhiteSpace(choice?.Value) || string.IsNullOrWhiteSpace(choice.Label)
            || choice.Value.Trim().Length > MaxLength || choice.Label.Trim().Length > MaxLength))
        {
            return $"Every choice needs a value and a label of 1 to {MaxLength} characters.";
        }

        return choices.Select(choice => choice!.Value!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() < choices.Count
            ? "Each value may be offered once."
            : null;
    }

    public Outcome<IReadOnlyList<OpenTaskInfo>> OpenTasks(string userName)
    {
        lock (gate)
        {
            var user = data.FindUser(userName);
            if (user is null)
            {
                return ApiProblem.NotFound($"There is no user '{userName}'.");
            }

            return data.Tasks.Values
                .Where(task => task.Status == RecipientTaskStatus.Open && task.Assignee.UserName == user.UserName)
                .OrderBy(task => task.Request.Id)
                .Select(task => new OpenTaskInfo(
                    WorkflowViews.Sid(task.Sid), task.Step.Name, task.Step.Kind.ApiName(), WorkflowViews.Sid(task.Request.Sid),
                    task.Request.Id, task.Request.Name, task.Request.Process.Name, task.DueDate))
                .ToList();
        }
    }
}
