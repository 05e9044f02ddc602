using IntegrifyBot.Cards;
using IntegrifyBot.Integrify;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Api.Models;
using IntegrifyBot.Integrify.Errors;
using IntegrifyBot.Integrify.Web;
using IntegrifyBot.Routing;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Features.Tasks;

/// <summary>
/// Draws a shared card for one viewer, from what their own Integrify account answers: the person whose
/// open task it is (or who holds an open task of the shared request) gets its buttons; someone who may
/// read the request gets its status; anyone else learns only that it is not visible to them.
/// </summary>
public sealed class SharedViews(TaskFinder finder, IIntegrifyTasksApi tasks, IIntegrifyRequestsApi requests, IntegrifyWebLinks links, IOptions<IntegrifyOptions> options, TimeProvider time)
{
    public async Task<BotReply> ShowAsync(BotRequest viewer, IntegrifyUser user, SharedCardRef card, CardNotice? notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        var integrify = options.Value.BaseUrl ?? throw new InvalidOperationException("Integrify:BaseUrl is not set.");
        if (card.Kind == SharedCardKind.Task)
        {
            if (await finder.FindActionableAsync(user, card.Sid, cancellationToken) is { } mine)
            {
                return new CardReply(SharedCards.Assignee(mine, request: null, card, viewer, integrify, time.GetUtcNow(), notice));
            }

            return card.InstanceSid is { Length: > 0 } instanceSid && await ReadAsync(user, instanceSid, cancellationToken) is { } ofTask
                ? new CardReply(SharedCards.Status(ofTask, card, viewer, links.To(IntegrifyPageKind.Request, ofTask.Sid), notice))
                : new CardReply(SharedCards.NotVisible(card));
        }

        if (await ReadAsync(user, card.Sid, cancellationToken) is not { } request)
        {
            return new CardReply(SharedCards.NotVisible(card));
        }

        return await MineInAsync(user, request, cancellationToken) is { } held
            ? new CardReply(SharedCards.Assignee(held, request, card, viewer, integrify, time.GetUtcNow(), notice))
            : new CardReply(SharedCards.Status(request, card, viewer, links.To(IntegrifyPageKind.Request, request.Sid), notice));
    }

    /// <summary>The request as the user may read it (R3), or null when Integrify says they may not, or knows no such request.</summary>
    private async Task<RequestDetails?> ReadAsync(IntegrifyUser user, string instanceSid, CancellationToken cancellationToken)
    {
        try
        {
            return await requests.GetRequestAsync(user, instanceSid, cancellationToken);
        }
        catch (IntegrifyException exception) when (exception is IntegrifyForbiddenException or IntegrifyNotFoundException or IntegrifyBadRequestException)
        {
            return null;
        }
    }

    /// <summary>The user's own open task in the request, ready for its buttons, or null when they hold none.</summary>
    private async Task<ActionableTask?> MineInAsync(IntegrifyUser user, RequestDetails request, CancellationToken cancellationToken)
    {
        var open = request.OpenTasks.Select(task => task.RecipientTaskSid).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (open.Count == 0)
        {
            return null;
        }

        await foreach (var task in finder.OpenTasksAsync(user, TaskFinder.SoonestDueFirst, TaskFinder.MaxTasksRead, cancellationToken))
        {
            if (open.Contains(task.RecipientTaskSid) || string.Equals(task.InstanceSid, request.Sid, StringComparison.OrdinalIgnoreCase))
            {
                var approval = TaskKinds.IsApproval(task.TaskType) ? await tasks.GetApprovalAsync(user, task.RecipientTaskSid, cancellationToken) : null;
                return new ActionableTask(task, approval);
            }
        }

        return null;
    }
}
