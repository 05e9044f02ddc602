using System.Runtime.CompilerServices;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Api.Models;

namespace IntegrifyBot.Features.Tasks;

/// <summary>
/// Finds one of the user's open tasks, with the user's own token. Integrify has no call for one task,
/// so the list (T1) is read: a task found there is open and the user's, as Integrify says now.
/// </summary>
public sealed class TaskFinder(IIntegrifyTasksApi tasks, ApprovalChoices choices)
{
    /// <summary>Integrify's largest page.</summary>
    private const int PageSize = 100;

    /// <summary>How many of someone's open tasks a due-date search or a poll reads at most.</summary>
    public const int MaxTasksRead = 1000;

    /// <summary>The open tasks' order wherever one of them is looked for: soonest due first.</summary>
    public static readonly ListQuery SoonestDueFirst = new() { Sort = "dueDate", Dir = "asc" };

    /// <summary>The user's open task with this id, or null when it is not (or not yet, or no longer) theirs and open.</summary>
    public async Task<TaskItem?> FindOpenAsync(IntegrifyUser user, string recipientTaskSid, CancellationToken cancellationToken)
    {
        await foreach (var task in OpenTasksAsync(user, SoonestDueFirst, int.MaxValue, cancellationToken))
        {
            // Sids are GUIDs: the outbox writes them in lower case, whatever case the list uses.
            if (string.Equals(task.RecipientTaskSid, recipientTaskSid, StringComparison.OrdinalIgnoreCase))
            {
                return task;
            }
        }

        return null;
    }

    /// <summary>The open task with, for an approval, the choices Integrify offers on it: ready for the buttons that fit its type.</summary>
    public async Task<ActionableTask?> FindActionableAsync(IntegrifyUser user, string recipientTaskSid, CancellationToken cancellationToken)
    {
        var task = await FindOpenAsync(user, recipientTaskSid, cancellationToken);
        if (task is null)
        {
            return null;
        }

        var approval = TaskKinds.IsApproval(task.TaskType) ? await tasks.GetApprovalAsync(user, task.RecipientTaskSid, cancellationToken) : null;
        return new ActionableTask(task, approval);
    }

    /// <summary>
    /// The user's open tasks due before <paramref name="until"/> (overdue ones included), soonest
    /// first, at most <paramref name="max"/> of them with what each approval offers; the total counts
    /// all of them, and how many were due before <paramref name="now"/>. Tasks without a due date are never due.
    /// </summary>
    public async Task<DueTasks> FindDueAsync(IntegrifyUser user, DateTimeOffset now, DateTimeOffset until, int max, CancellationToken cancellationToken)
    {
        var due = new List<TaskItem>();
        await foreach (var task in OpenTasksAsync(user, SoonestDueFirst, MaxTasksRead, cancellationToken))
        {
            // Sorted by due date: after a task due later, none due sooner follows (undated ones are skipped).
            if (task.DueDate >= until)
            {
                break;
            }

            if (task.DueDate is not null)
            {
                due.Add(task);
            }
        }

        // A digest reads fresh and keeps nothing: it is drawn for many people who may never click.
        var shown = await ReadApprovalsAsync(user, new TaskListView(), due.Count, [.. due.OrderBy(task => task.DueDate).Take(max)], reuse: false, cancellationToken);
        return new DueTasks(shown, due.Count(task => task.DueDate < now));
    }

    /// <summary>
    /// Tasks ready to draw with their buttons: each approval's choices (custom ones too), reused from
    /// the person's last cards where read within the lifetime, the others read from Integrify at once
    /// (at most a page of them) and kept for the next card.
    /// </summary>
    public Task<TaskListPage> WithApprovalsAsync(IntegrifyUser user, TaskListView view, int total, IReadOnlyList<TaskItem> shown, CancellationToken cancellationToken) =>
        ReadApprovalsAsync(user, view, total, shown, reuse: true, cancellationToken);

    private async Task<TaskListPage> ReadApprovalsAsync(IntegrifyUser user, TaskListView view, int total, IReadOnlyList<TaskItem> shown, bool reuse, CancellationToken cancellationToken)
    {
        var approvals = await Task.WhenAll(shown
            .Where(task => TaskKinds.IsApproval(task.TaskType))
            .Select(async task => (task.RecipientTaskSid, Details: (reuse ? choices.Find(user, task.RecipientTaskSid) : null) ?? await ReadAsync(task.RecipientTaskSid))));
        return new TaskListPage(view, total, shown, approvals.ToDictionary(approval => approval.RecipientTaskSid, approval => approval.Details, StringComparer.Ordinal));

        async Task<ApprovalDetails> ReadAsync(string recipientTaskSid)
        {
            var details = await tasks.GetApprovalAsync(user, recipientTaskSid, cancellationToken);
            if (reuse)
            {
                choices.Keep(user, recipientTaskSid, details);
            }

            return details;
        }
    }

    /// <summary>
    /// The user's open tasks (T1) in the order <paramref name="query"/> sorts them, a page at a time as
    /// they are read, at most <paramref name="max"/>: a caller that stops early reads no further page.
    /// </summary>
    public async IAsyncEnumerable<TaskItem> OpenTasksAsync(IntegrifyUser user, ListQuery query, int max, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        for (var start = 0; start < max; start += PageSize)
        {
            var page = await tasks.ListMyTasksAsync(user, query with { Start = start, Count = PageSize }, cancellationToken);
            foreach (var task in page.Items.Take(max - start))
            {
                yield return task;
            }

            if (page.Items.Count < PageSize || start + PageSize >= page.Total)
            {
                yield break;
            }
        }
    }
}
