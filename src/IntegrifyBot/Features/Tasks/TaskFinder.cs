using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Api.Models;

namespace IntegrifyBot.Features.Tasks;

/// <summary>
/// Finds one of the user's open tasks, with the user's own token. Integrify has no call for one task,
/// so the list (T1) is read: a task found there is open and the user's, as Integrify says now.
/// </summary>
public sealed class TaskFinder(IIntegrifyTasksApi tasks)
{
    private const int PageSize = 100;

    /// <summary>The user's open task with this id, or null when it is not (or not yet, or no longer) theirs and open.</summary>
    public async Task<TaskItem?> FindOpenAsync(IntegrifyUser user, string recipientTaskSid, CancellationToken cancellationToken)
    {
        for (var start = 0; ; start += PageSize)
        {
            var page = await tasks.ListMyTasksAsync(user, new ListQuery { Start = start, Count = PageSize, Sort = "dueDate", Dir = "asc" }, cancellationToken);
            if (page.Items.FirstOrDefault(item => string.Equals(item.RecipientTaskSid, recipientTaskSid, StringComparison.Ordinal)) is { } found)
            {
                return found;
            }

            if (page.Items.Count < PageSize || start + PageSize >= page.Total)
            {
                return null;
            }
        }
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
}
