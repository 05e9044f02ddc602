using System.Diagnostics;
using IntegrifyBot.Cards;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Api.Models;
using IntegrifyBot.Routing;
using IntegrifyBot.Settings;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Features.Tasks;

/// <summary>
/// Approving (or rejecting…) several tasks at once from the task list: a checklist of the open
/// approvals offering the chosen meaning, then one decision for the ticked ones with one comment.
/// The answer comes within Teams' time limit with what is done so far; the rest carries on and the
/// card is updated when all are done.
/// </summary>
public sealed class SeveralFeature(TaskFinder finder, SeveralDecisions decisions, IOptions<BotOptions> bot, TimeProvider time) : IBotFeature
{
    /// <summary>What the answer leaves of Teams' limit for the way back to Teams.</summary>
    private static readonly TimeSpan AnswerMargin = TimeSpan.FromMilliseconds(500);

    /// <summary>How many open tasks are looked through for approvals offering the meaning.</summary>
    private const int TasksScanned = 100;

    public void MapRoutes(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapLinkedVerb<SeveralTasksData>(TaskVerbs.Several, retryWithData: true, (turn, user, data, token) => ChecklistAsync(turn, user, data, notice: null, picked: null, token));
        routes.MapLinkedVerb<DecideSeveralData>(TaskVerbs.DecideSeveral, retryWithData: false, DecideAsync);
    }

    /// <summary>The checklist, read afresh: <paramref name="picked"/> ticked again, with the comment required when given.</summary>
    private async Task<BotReply> ChecklistAsync(BotRequest turn, IntegrifyUser user, SeveralTasksData data, CardNotice? notice, IReadOnlyCollection<string>? picked, CancellationToken cancellationToken)
    {
        var meaning = ChoiceMeaning.FromKey(data.Meaning)!;
        var view = new TaskListView(data.Search, data.Start);
        var approvals = new List<TaskItem>();
        await foreach (var task in finder.OpenTasksAsync(user, TaskFinder.SoonestDueFirst with { Search = data.Search }, TasksScanned, cancellationToken))
        {
            if (TaskKinds.IsApproval(task.TaskType) && task.RecipientTaskSid.Length > 0)
            {
                approvals.Add(task);
            }
        }

        // Read a checklist's worth at a time, soonest due first, until more than a checklist offer the meaning.
        var candidates = new List<SeveralCandidate>();
        ApprovalChoice? named = null;
        foreach (var batch in approvals.Chunk(SeveralCards.MaxTasks))
        {
            var page = await finder.WithApprovalsAsync(user, view, approvals.Count, batch, cancellationToken);
            foreach (var task in batch)
            {
                if (page.Approvals.GetValueOrDefault(task.RecipientTaskSid) is { Completed: false } approval && meaning.FindIn(approval) is { } choice)
                {
                    named ??= choice;
                    candidates.Add(new SeveralCandidate(task, meaning.NeedsComment(approval)));
                }
            }

            if (candidates.Count > SeveralCards.MaxTasks)
            {
                break;
            }
        }

        // A choice of no known meaning is called as its process calls it.
        var shown = meaning.IsKnown || named is null ? meaning : meaning with { Name = named.Label ?? named.Value };
        return new CardReply(SeveralCards.Checklist(shown, [.. candidates.Take(SeveralCards.MaxTasks)], candidates.Count > SeveralCards.MaxTasks, view, turn, time.GetUtcNow(), notice, picked, commentRequired: picked is not null));
    }

    private async Task<BotReply> DecideAsync(BotRequest turn, IntegrifyUser user, DecideSeveralData data, CancellationToken cancellationToken)
    {
        var begun = Stopwatch.GetTimestamp();
        var meaning = ChoiceMeaning.FromKey(data.Meaning)!;
        var view = new TaskListView(data.Search, data.Start);
        var checklist = new SeveralTasksData(data.Meaning, data.Search, data.Start);
        var ticked = Ticked(data);
        if (ticked.Count == 0)
        {
            return await ChecklistAsync(turn, user, checklist, new CardNotice("Tick at least one task first.", IsProblem: true), picked: null, cancellationToken);
        }

        var comment = string.IsNullOrWhiteSpace(data.Comment) ? null : data.Comment.Trim();
        // Asking first may take half of what is left of Teams' limit; deciding gets the rest, and more in the background.
        if (comment is null && await decisions.NeedingCommentAsync(user, meaning, ticked, Left(begun) / 2, cancellationToken) is { Count: > 0 } needing)
        {
            var which = string.Join(", ", needing.Select(task => task.InstanceId is { } id ? $"#{id}" : CardText.Escape(task.Name ?? "a task", 40)));
            var ask = new CardNotice($"Integrify asks for a comment with this choice on {which}. Write one and press again: it is sent with each ticked task. Nothing was sent yet.", IsProblem: true);
            return await ChecklistAsync(turn, user, checklist, ask, [.. ticked.Select(task => task.Sid)], cancellationToken);
        }

        var run = decisions.Start(turn, user, meaning, ticked, comment);
        var left = Left(begun);
        var done = $"decided {ticked.Count} of their tasks at once.";
        try
        {
            await run.Finished.WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, cancellationToken);
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            // Teams' limit is near: answer with what is known; the card is updated when the rest is.
            // In a shared conversation everyone would see the update, so it shows them no task.
            _ = decisions.UpdateWhenFinishedAsync(run, turn, () => turn.Conversation.Kind == ConversationKind.Personal
                ? SeveralCards.Result(meaning, run.Snapshot(), comment, view)
                : TaskCards.PrivateList(turn, view, done));
        }

        var reply = new CardReply(SeveralCards.Result(meaning, run.Snapshot(), comment, view));
        return turn.Conversation.Kind == ConversationKind.Personal ? reply : reply with { ForEveryone = TaskCards.PrivateList(turn, view, done) };
    }

    /// <summary>What is left of Teams' limit for a card button, after the margin for the way back.</summary>
    private TimeSpan Left(long begun) => bot.Value.InvokeTimeout - Stopwatch.GetElapsedTime(begun) - AnswerMargin;

    /// <summary>The ticked tasks, each once, among those the checklist offered: nothing else can be decided from it.</summary>
    private static List<OfferedTask> Ticked(DecideSeveralData data)
    {
        var ticked = (data.Picked ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. data.Offered.Where(task => ticked.Contains(task.Sid)).DistinctBy(task => task.Sid, StringComparer.OrdinalIgnoreCase)];
    }
}
