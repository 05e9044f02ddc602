using System.Text.Json;
using Integrify.Simulator.Workflow;

namespace Integrify.Simulator.Demo;

/// <summary>
/// Plays seeded requests through the real workflow engine, at times before "now", so that their
/// history (completed tasks, milestones, approval comments) is what the API would have produced.
/// </summary>
internal sealed class RequestSeeder(TenantData data, DateTimeOffset now)
{
    public WorkflowRequest Seed(string process, string requester, string name, double ageDays, IReadOnlyDictionary<string, object> fields, params HistoryStep[] history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var definition = data.Processes.Single(candidate => candidate.Name == process);
        var created = now - TimeSpan.FromDays(ageDays);
        var request = WorkflowEngine.Start(data, definition, User(requester), name, ToElements(fields), created, out _);
        for (var index = 0; index < history.Length; index++)
        {
            var at = created + ((now - created) * (index + 1) / (history.Length + 1));
            var task = request.OpenTasks.Single();
            var choice = task.Step.Kind == TaskKind.Approval ? task.FindChoice(history[index].Choice ?? "Approve") : null;
            WorkflowEngine.Complete(data, task, task.Assignee, choice, at);
            if (history[index].Comment is { } comment)
            {
                request.Comments.Add(new CommentEntry(comment, task.Assignee, at));
            }
        }

        return request;
    }

    /// <summary>Sets the due date of the request's open task relative to now (null: no due date).</summary>
    public void Due(WorkflowRequest request, TimeSpan? fromNow, string priority = "Normal")
    {
        var task = request.OpenTasks.Single();
        task.DueDate = now + fromNow;
        task.Priority = priority;
    }

    public void Comment(WorkflowRequest request, string author, string text, double hoursAgo) =>
        request.Comments.Add(new CommentEntry(text, User(author), now - TimeSpan.FromHours(hoursAgo)));

    public void Cancel(WorkflowRequest request, double daysAgo) => WorkflowEngine.Cancel(request, now - TimeSpan.FromDays(daysAgo));

    private UserAccount User(string userName) => data.FindUser(userName) ?? throw new InvalidOperationException($"No demo user {userName}.");

    private static Dictionary<string, JsonElement> ToElements(IReadOnlyDictionary<string, object> fields) =>
        fields.ToDictionary(pair => pair.Key, pair => JsonSerializer.SerializeToElement(pair.Value));
}
