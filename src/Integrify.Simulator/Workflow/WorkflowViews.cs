using Integrify.Simulator.Api.Contracts;

namespace Integrify.Simulator.Workflow;

/// <summary>The API's views of requests and tasks. Called while holding the store's lock, so the answers are consistent.</summary>
internal static class WorkflowViews
{
    public static TaskItemResponse Item(RecipientTask task) => new(
        Sid(task.Sid),
        Sid(task.InstanceTaskSid),
        task.Step.Name,
        task.Step.Kind.ApiName(),
        Sid(task.Request.Sid),
        task.Request.Id,
        task.Request.Name,
        task.Request.Process.Name,
        task.StartDate,
        task.DueDate,
        task.Priority,
        task.Status.ToString(),
        task.Step.AllowReassign);

    public static NextTaskResponse Next(RecipientTask task, UserAccount caller) =>
        new(Sid(task.Sid), task.Step.Name, task.Assignee.UserName == caller.UserName, task.Assignee.FullName);

    public static CompletionResponse Completion(WorkflowRequest request, IEnumerable<RecipientTask> next, UserAccount caller) =>
        new(Sid(request.Sid), [.. next.Select(task => Next(task, caller))], request.Status.ToString());

    public static ApprovalResponse Approval(RecipientTask task) => new(
        [.. task.Choices.Select(choice => new ChoiceResponse(choice.Value, choice.Label))],
        [.. task.Choices.Where(choice => choice.CommentRequired).Select(choice => choice.Value)],
        task.Step.Instructions,
        task.Status == RecipientTaskStatus.Completed,
        task.CompletedBy?.FullName,
        task.Status == RecipientTaskStatus.Completed ? task.CompletedDate : null,
        task.Outcome,
        task.Step.Name,
        task.Request.Name,
        Sid(task.Request.Sid),
        task.Request.Id);

    public static RequestSummaryResponse Summary(WorkflowRequest request) => new(
        Sid(request.Sid),
        request.Id,
        request.Name,
        request.Process.Name,
        request.Status.ToString(),
        request.LastMilestone,
        request.LastMilestoneDate,
        request.CreatedDate,
        request.Outcome,
        request.CompletedDate);

    public static RequestDetailsResponse Details(WorkflowRequest request) => new(
        Sid(request.Sid),
        request.Id,
        request.Name,
        request.Process.Name,
        request.Status.ToString(),
        request.LastMilestone,
        request.LastMilestoneDate,
        request.CreatedDate,
        [.. request.OpenTasks.Select(task => new OpenTaskResponse(
            Sid(task.Sid), task.Step.Name, task.Step.Kind.ApiName(), task.Assignee.FullName, task.Assignee.UserName, task.DueDate))],
        request.Requester.FullName,
        request.Outcome,
        request.CompletedDate,
        request.Fields);

    public static CommentResponse Comment(CommentEntry comment) => new(comment.Text, comment.Author.FullName, comment.Date);

    public static CatalogItemResponse Catalog(ProcessDefinition process) =>
        new(Sid(process.Sid), process.Name, process.Description, process.Category);

    public static DirectoryUserResponse DirectoryUser(UserAccount user) =>
        new(Sid(user.Sid), user.UserName, user.Email, user.NameFirst, user.NameLast, user.Title, user.Department);

    public static string Sid(Guid sid) => sid.ToString("D");
}
