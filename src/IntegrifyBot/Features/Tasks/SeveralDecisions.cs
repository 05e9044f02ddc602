using IntegrifyBot.Cards;
using IntegrifyBot.Cards.Model;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Api.Models;
using IntegrifyBot.Integrify.Errors;
using IntegrifyBot.Routing;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Features.Tasks;

/// <summary>
/// Decides several of a person's approvals with one meaning (Approve, Reject…) and one comment. Each
/// task is read afresh (T2) inside the same once-only block a single click uses, so a task completed
/// meanwhile, by anyone, is reported and never completed again, and two clicks at once send each task
/// once. A few tasks go to Integrify at a time; the work is not tied to the turn that started it, so
/// what outlasts Teams' time limit carries on and its outcome is still known.
/// </summary>
public sealed partial class SeveralDecisions(
    IIntegrifyTasksApi tasks,
    TaskActions actions,
    ApprovalChoices choices,
    IOptions<TasksOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<SeveralDecisions> logger)
{
    /// <summary>
    /// The picked tasks that are open and would need a comment for the meaning's choice, as far as is
    /// known within <paramref name="budget"/>: what the checklist just read where it is still kept,
    /// Integrify (T2) for the rest. Only asking first depends on it: each task is checked afresh when
    /// it is decided, and one found needing a comment then is reported, not sent.
    /// </summary>
    public async Task<IReadOnlyList<OfferedTask>> NeedingCommentAsync(IntegrifyUser user, ChoiceMeaning meaning, IReadOnlyList<OfferedTask> picked, TimeSpan budget, CancellationToken cancellationToken)
    {
        var needing = new bool[picked.Count];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(budget > TimeSpan.Zero ? budget : TimeSpan.Zero);
        try
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, picked.Count),
                new ParallelOptions { MaxDegreeOfParallelism = options.Value.SeveralConcurrency, CancellationToken = timeout.Token },
                async (index, token) =>
                {
                    try
                    {
                        var approval = choices.Find(user, picked[index].Sid) ?? await tasks.GetApprovalAsync(user, picked[index].Sid, token);
                        needing[index] = !approval.Completed && meaning.NeedsComment(approval);
                    }
                    catch (IntegrifyException exception) when (exception is IntegrifyForbiddenException or IntegrifyNotFoundException or IntegrifyBadRequestException)
                    {
                        needing[index] = false;
                    }
                });
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Integrify is slow: what is known by now is asked about; the rest is checked as it is decided.
        }

        return [.. picked.Where((_, index) => Volatile.Read(ref needing[index]))];
    }

    /// <summary>Starts deciding the picked tasks; the run's outcomes fill in as Integrify answers.</summary>
    public SeveralRun Start(BotRequest turn, IntegrifyUser user, ChoiceMeaning meaning, IReadOnlyList<OfferedTask> picked, string? comment)
    {
        // Deciding changes the person's tasks (and others of the same requests): what is kept only
        // to draw buttons is read afresh, at the start and again at the end.
        choices.Forget(user);
        var run = new SeveralRun(picked);
        run.Finished = Parallel.ForEachAsync(
            Enumerable.Range(0, picked.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.SeveralConcurrency },
            async (index, _) => run.Set(index, await DecideOrSayAsync(turn, user, meaning, picked[index], comment)))
            .ContinueWith(_ => choices.Forget(user), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        return run;
    }

    /// <summary>
    /// Every task gets an outcome, whatever happens: a run whose tasks all have one is finished, and a
    /// task left without one would say "with Integrify" for ever.
    /// </summary>
    private async Task<CardNotice> DecideOrSayAsync(BotRequest turn, IntegrifyUser user, ChoiceMeaning meaning, OfferedTask task, string? comment)
    {
        try
        {
            return await DecideAsync(turn, user, meaning, task, comment);
        }
        catch (Exception exception)
        {
            LogFailed(exception);
            return new CardNotice("Something went wrong on our side: open your tasks to see whether it was done.", IsProblem: true);
        }
    }

    private async Task<CardNotice> DecideAsync(BotRequest turn, IntegrifyUser user, ChoiceMeaning meaning, OfferedTask task, string? comment)
    {
        // Reads stop when the bot stops; a completion once sent is never cancelled, so its outcome is known.
        var stopping = lifetime.ApplicationStopping;
        try
        {
            return await actions.RunOnceAsync(user, task.Sid, async () =>
            {
                var current = await tasks.GetApprovalAsync(user, task.Sid, stopping);
                if (current.Completed)
                {
                    return TaskNotices.AlreadyCompleted(task.InstanceId, current.CompletedBy, current.CompletedDate, current.Outcome, turn);
                }

                if (meaning.FindIn(current) is not { } choice)
                {
                    return new CardNotice($"It no longer offers {CardText.Escape(meaning.Name, 40)}: nothing was sent. Open it to decide.", IsProblem: true);
                }

                if (comment is null && current.CommentRequiredFor.Contains(choice.Value, StringComparer.Ordinal))
                {
                    return new CardNotice("Integrify now asks for a comment with this choice: nothing was sent. Open it to decide.", IsProblem: true);
                }

                await tasks.CompleteApprovalAsync(user, task.Sid, new ApprovalDecision(choice.Value, comment), CancellationToken.None);
                LogDecided();
                var chose = $"chose **{CardText.Escape(choice.Label ?? choice.Value, 100)}**";
                return new CardNotice($"You {chose} at {CardDates.Format(time.GetUtcNow(), turn.Locale, turn.TimeZone)}.", IsProblem: false, $"{chose} on {TaskCards.Name(task.InstanceId)}.");
            });
        }
        catch (IntegrifyConflictException conflict)
        {
            return TaskNotices.AlreadyCompleted(task.InstanceId, conflict.CompletedBy, conflict.CompletedDate, outcome: null, turn);
        }
        catch (IntegrifyException exception) when (exception is IntegrifyForbiddenException or IntegrifyNotFoundException)
        {
            return TaskNotices.NoLongerYours(task.InstanceId);
        }
        catch (IntegrifyBadRequestException refused)
        {
            var why = string.IsNullOrWhiteSpace(refused.Description) ? string.Empty : $": {CardText.Escape(refused.Description, 200)}";
            return new CardNotice($"Integrify refused it{why}.", IsProblem: true);
        }
        catch (IntegrifyLinkExpiredException)
        {
            return new CardNotice("Your Integrify sign-in ended before this one was sent: sign in again, then try it.", IsProblem: true);
        }
        catch (Exception exception) when (exception is IntegrifyException or HttpRequestException or TimeoutException or OperationCanceledException)
        {
            LogUnknown(exception.GetType().Name);
            return new CardNotice("Integrify did not answer in time: open your tasks to see whether it was done.", IsProblem: true);
        }
    }

    /// <summary>
    /// When <paramref name="run"/> finishes after its turn was answered, replaces the clicked card with
    /// <paramref name="draw"/>'s card, so that the person sees every outcome without asking.
    /// </summary>
    public async Task UpdateWhenFinishedAsync(SeveralRun run, BotRequest turn, Func<AdaptiveCard> draw)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(draw);
        await run.Finished;
        var updated = await turn.UpdateClickedCard(draw(), lifetime.ApplicationStopping);
        LogFinishedLater(updated);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A user decided an approval among several from one card")]
    private partial void LogDecided();

    [LoggerMessage(Level = LogLevel.Warning, Message = "An approval among several has no known outcome ({Error})")]
    private partial void LogUnknown(string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Deciding an approval among several failed")]
    private partial void LogFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Several decisions finished after their turn; the card was updated: {Updated}")]
    private partial void LogFinishedLater(bool updated);
}
