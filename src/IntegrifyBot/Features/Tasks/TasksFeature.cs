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
/// The user's open tasks, and acting on them from the card. Every action is checked with Integrify
/// first (T2), done with the user's own token, and never repeated: a task completed meanwhile, by
/// anyone, is shown as completed rather than completed again.
/// </summary>
public sealed partial class TasksFeature(
    IIntegrifyTasksApi tasks,
    TaskFinder finder,
    TaskActions actions,
    ApprovalChoices choices,
    SharedViews shared,
    IOptions<IntegrifyOptions> integrify,
    TimeProvider time,
    ILogger<TasksFeature> logger) : IBotFeature
{
    public static CommandDescriptor TasksCommand { get; } = new("tasks", "Show the tasks waiting for you: approve several at once, or hand one to a colleague", "my tasks", "todo", "to do", "task list", "my approvals")
    {
        Example = "tasks invoice",
    };

    /// <summary>The message extension's search of the user's open tasks (its id in the manifest).</summary>
    public const string SearchCommand = "myTasks";

    public void MapRoutes(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapLinkedSearch(SearchCommand, SearchAsync);
        routes.MapLinkedLink(IntegrifyPageKind.Task, UnfurlAsync);
        routes.MapLinkedVerb<SharedTaskData>(
            SharedVerbs.Task,
            retryWithData: true,
            (turn, user, data, token) => shared.ShowAsync(turn, user, new SharedCardRef(SharedCardKind.Task, data.RecipientTaskSid, data.InstanceSid), notice: null, token),
            notLinked: (_, data) => new CardReply(SharedCards.NotLinked(new SharedCardRef(SharedCardKind.Task, data.RecipientTaskSid, data.InstanceSid))));
        routes.MapLinkedVerb<SharedRequestData>(
            SharedVerbs.Request,
            retryWithData: true,
            (turn, user, data, token) => shared.ShowAsync(turn, user, new SharedCardRef(SharedCardKind.Request, data.InstanceSid), notice: null, token),
            notLinked: (_, data) => new CardReply(SharedCards.NotLinked(new SharedCardRef(SharedCardKind.Request, data.InstanceSid))));
        routes.MapLinkedCommand(TasksCommand, (request, user, token) => AskedAsync(request.Turn, user, new TaskListView(CardLimits.Search(request.Arguments)), token));
        routes.MapLinkedVerb<TaskListView>(TaskVerbs.Page, retryWithData: true, (turn, user, view, token) => ListAsync(turn, user, view, notice: null, token));
        routes.MapLinkedVerb<ApproveTaskData>(TaskVerbs.Approve, retryWithData: true, ApproveAsync);
        routes.MapLinkedVerb<CompleteTaskData>(TaskVerbs.Complete, retryWithData: true, CompleteAsync);
        routes.MapLinkedVerb<OpenTaskData>(TaskVerbs.Open, retryWithData: true, (turn, user, data, token) => DetailAsync(turn, user, data.RecipientTaskSid, new TaskListView(data.Search, data.Start), notice: null, token));
        routes.MapLinkedVerb<AddCommentData>(TaskVerbs.AddComment, retryWithData: false, AddCommentAsync);
    }

    private Uri Integrify => integrify.Value.BaseUrl ?? throw new InvalidOperationException("Integrify:BaseUrl is not set.");

    /// <summary>The user's open tasks matching what was typed, soonest due first, each to share as a card.</summary>
    private async Task<BotReply> SearchAsync(BotRequest turn, IntegrifyUser user, ExtensionQuery query, CancellationToken cancellationToken)
    {
        var search = CardLimits.Search(query.Search);
        var list = await tasks.ListMyTasksAsync(user, new ListQuery { Search = search, Start = query.Skip, Count = query.Count, Sort = "dueDate", Dir = "asc" }, cancellationToken);
        var now = time.GetUtcNow();
        return new ExtensionResultsReply([.. list.Items.Where(task => task.RecipientTaskSid.Length > 0).Select(task => new ExtensionResult(
            SharedCards.Task(task.RecipientTaskSid, task.InstanceSid),
            CardText.Truncate(task.TaskName ?? "Task", 80),
            Preview(task, turn, now)))]);
    }

    /// <summary>A pasted link to a task's page: the shared task card, previewed as the person who pasted it sees the task.</summary>
    private async Task<BotReply> UnfurlAsync(BotRequest turn, IntegrifyUser user, string recipientTaskSid, CancellationToken cancellationToken)
    {
        var task = await finder.FindOpenAsync(user, recipientTaskSid, cancellationToken);
        return new ExtensionResultsReply(
        [
            task is null
                ? new ExtensionResult(SharedCards.Task(recipientTaskSid, instanceSid: null), "Integrify task", "Not among your open tasks: each person sees what their Integrify account allows.")
                : new ExtensionResult(SharedCards.Task(task.RecipientTaskSid, task.InstanceSid), CardText.Truncate(task.TaskName ?? "Task", 80), Preview(task, turn, time.GetUtcNow())),
        ]);
    }

    /// <summary>A task's second line in the compose box's results: plain text, as Teams shows it.</summary>
    private static string Preview(TaskItem task, BotRequest turn, DateTimeOffset now)
    {
        var due = task.DueDate is { } date ? (date < now ? " · overdue" : $" · due {CardDates.Format(date, turn.Locale, turn.TimeZone)}") : string.Empty;
        return CardText.Truncate($"#{task.InstanceId} · {task.RequestName} · {task.ProcessName}{due}", 150);
    }

    /// <summary>
    /// "tasks" typed: the list in the personal chat; elsewhere a card that shows nothing to the
    /// others and refreshes into the list for the asker alone.
    /// </summary>
    private async Task<BotReply> AskedAsync(BotRequest turn, IntegrifyUser user, TaskListView view, CancellationToken cancellationToken) =>
        turn.Conversation.Kind == ConversationKind.Personal
            ? await ListAsync(turn, user, view, notice: null, cancellationToken)
            : new CardReply(TaskCards.PrivateList(turn, view));

    private async Task<BotReply> ListAsync(BotRequest turn, IntegrifyUser user, TaskListView view, CardNotice? notice, CancellationToken cancellationToken)
    {
        var page = await ReadPageAsync(user, view, cancellationToken);

        // A page past the end (tasks were completed meanwhile) shows the last page instead of nothing.
        if (page.Tasks.Count == 0 && view.Start > 0 && page.Total > 0)
        {
            page = await ReadPageAsync(user, view with { Start = CardLimits.LastPageStart(page.Total) }, cancellationToken);
        }

        return new CardReply(TaskCards.List(page, turn, Integrify, time.GetUtcNow(), notice));
    }

    private async Task<TaskListPage> ReadPageAsync(IntegrifyUser user, TaskListView view, CancellationToken cancellationToken)
    {
        var query = new ListQuery { Search = view.Search, Start = view.Start, Count = CardLimits.PageSize, Sort = "dueDate", Dir = "asc" };
        var list = await tasks.ListMyTasksAsync(user, query, cancellationToken);
        return await finder.WithApprovalsAsync(user, view, list.Total, list.Items, cancellationToken);
    }

    /// <summary>One task in full, found among the user's open tasks: a task that is not (any more) shows the list.</summary>
    private async Task<BotReply> DetailAsync(BotRequest turn, IntegrifyUser user, string recipientTaskSid, TaskListView view, CardNotice? notice, CancellationToken cancellationToken)
    {
        var task = await finder.FindOpenAsync(user, recipientTaskSid, cancellationToken);
        return task is null
            ? await ListAsync(turn, user, view, notice ?? new CardNotice("That task is no longer open for you.", IsProblem: true), cancellationToken)
            : await DetailOfAsync(turn, user, task, view, notice, cancellationToken);
    }

    private async Task<BotReply> DetailOfAsync(BotRequest turn, IntegrifyUser user, TaskItem task, TaskListView view, CardNotice? notice, CancellationToken cancellationToken)
    {
        // Both reads at once: the approval's choices and instructions, and the request's comments.
        var approval = TaskKinds.IsApproval(task.TaskType) ? tasks.GetApprovalAsync(user, task.RecipientTaskSid, cancellationToken) : null;
        var comments = string.IsNullOrEmpty(task.InstanceSid) ? Task.FromResult<IReadOnlyList<RequestComment>>([]) : tasks.GetCommentsAsync(user, task.InstanceSid, cancellationToken);
        await Task.WhenAll(approval is null ? [comments] : [approval, comments]);
        return new CardReply(TaskCards.Detail(task, approval is null ? null : await approval, await comments, view, turn, Integrify, time.GetUtcNow(), notice));
    }

    private async Task<BotReply> AddCommentAsync(BotRequest turn, IntegrifyUser user, AddCommentData data, CancellationToken cancellationToken)
    {
        var view = new TaskListView(data.Search, data.Start);
        if (string.IsNullOrWhiteSpace(data.NewComment))
        {
            return await DetailAsync(turn, user, data.RecipientTaskSid, view, new CardNotice("Please write a comment first.", IsProblem: true), cancellationToken);
        }

        // The request is the open task's, as Integrify says: the card names only the task.
        var task = await finder.FindOpenAsync(user, data.RecipientTaskSid, cancellationToken);
        if (task?.InstanceSid is not { Length: > 0 } instanceSid)
        {
            return await ListAsync(turn, user, view, new CardNotice("That task is no longer open for you, so the comment was not added.", IsProblem: true), cancellationToken);
        }

        await tasks.PostCommentAsync(user, new NewComment(instanceSid, data.NewComment.Trim()), CancellationToken.None);
        LogCommented();

        // The task was just read; only its comments are read again, to show the new one.
        return await DetailOfAsync(turn, user, task, view, new CardNotice("Your comment was added to the request.", IsProblem: false), cancellationToken);
    }

    private async Task<BotReply> ApproveAsync(BotRequest turn, IntegrifyUser user, ApproveTaskData data, CancellationToken cancellationToken)
    {
        var view = new TaskListView(data.Search, data.Start);
        ApprovalDetails current;
        try
        {
            // Always read fresh, never from the kept choices: they only draw buttons.
            current = await tasks.GetApprovalAsync(user, data.RecipientTaskSid, cancellationToken);
        }
        catch (IntegrifyException exception) when (exception is IntegrifyForbiddenException or IntegrifyNotFoundException)
        {
            choices.Forget(user);
            return await BackAsync(turn, user, data.Shared, view, NoLongerYours(data.InstanceId, exception), cancellationToken);
        }

        choices.Keep(user, data.RecipientTaskSid, current);
        var choice = current.Choices.FirstOrDefault(offered => string.Equals(offered.Value, data.Choice, StringComparison.Ordinal));
        if (!current.Completed && choice is null)
        {
            // The task's choices changed in Integrify since the card was drawn (or the card was
            // altered): nothing is sent, and the list is drawn again with what it offers now.
            return await BackAsync(turn, user, data.Shared, view, new CardNotice($"{TaskNotices.Capitalised(TaskCards.Name(data.InstanceId))} no longer offers that choice; here are the choices it offers now.", IsProblem: true), cancellationToken);
        }

        var label = choice?.Label ?? data.Choice;
        var comment = string.IsNullOrWhiteSpace(data.Comment) ? null : data.Comment.Trim();
        if (!current.Completed && comment is null && current.CommentRequiredFor.Contains(data.Choice, StringComparer.Ordinal))
        {
            return new CardReply(TaskCards.CommentNeeded(data, label));
        }

        var notice = await actions.RunOnceAsync(user, data.RecipientTaskSid, async () =>
        {
            if (current.Completed)
            {
                return TaskNotices.AlreadyCompleted(data.InstanceId, current.CompletedBy, current.CompletedDate, current.Outcome, turn);
            }

            return await ActAsync(turn, data.InstanceId, async () =>
            {
                await tasks.CompleteApprovalAsync(user, data.RecipientTaskSid, new ApprovalDecision(data.Choice, comment), CancellationToken.None);
                LogCompleted("approval");
                var said = comment is null ? string.Empty : $" with the comment “{CardText.Escape(comment, 200)}”";
                var done = $"chose **{CardText.Escape(label, 100)}** on {TaskCards.Name(data.InstanceId)} at {CardDates.Format(time.GetUtcNow(), turn.Locale, turn.TimeZone)}";
                return new CardNotice($"You {done}{said}.", IsProblem: false, done + ".");
            });
        });
        return await ActedAsync(turn, user, data.Shared, view, notice, cancellationToken);
    }

    private async Task<BotReply> CompleteAsync(BotRequest turn, IntegrifyUser user, CompleteTaskData data, CancellationToken cancellationToken)
    {
        var notice = await actions.RunOnceAsync(user, data.RecipientTaskSid, () => ActAsync(turn, data.InstanceId, async () =>
        {
            // The completion is not cancelled with the turn: once sent, its outcome must be known.
            if (data.TaskType == CompletableTaskType.OpenUrl)
            {
                await tasks.CompleteOpenUrlAsync(user, data.RecipientTaskSid, CancellationToken.None);
            }
            else
            {
                await tasks.CompleteMilestoneAsync(user, data.RecipientTaskSid, new EmptyBody(), CancellationToken.None);
            }

            LogCompleted(data.TaskType);
            var done = $"completed {TaskCards.Name(data.InstanceId)} at {CardDates.Format(time.GetUtcNow(), turn.Locale, turn.TimeZone)}";
            return new CardNotice($"You {done}.", IsProblem: false, done + ".");
        }));
        return await ActedAsync(turn, user, data.Shared, new TaskListView(data.Search, data.Start), notice, cancellationToken);
    }

    /// <summary>
    /// After an action: the clicker's list with what happened; in a group chat or channel, everyone
    /// else's card also says what was done (without showing the asker's tasks).
    /// </summary>
    private async Task<BotReply> ActedAsync(BotRequest turn, IntegrifyUser user, SharedCardRef? sharedCard, TaskListView view, CardNotice notice, CancellationToken cancellationToken)
    {
        // Acting on one task can change the person's others (of the same request): read them all afresh.
        choices.Forget(user);
        if (sharedCard is not null)
        {
            // A shared card cannot be changed for the others (it was posted by a person, not the bot):
            // each sees the new state the next time Teams redraws it for them.
            return await shared.ShowAsync(turn, user, sharedCard, notice, cancellationToken);
        }

        var reply = (CardReply)await ListAsync(turn, user, view, notice, cancellationToken);
        return turn.Conversation.Kind == ConversationKind.Personal || notice.Done is null
            ? reply
            : reply with { ForEveryone = TaskCards.PrivateList(turn, view, notice.Done) };
    }

    /// <summary>Where a button that did nothing leads: the shared card it was on, or the task list.</summary>
    private Task<BotReply> BackAsync(BotRequest turn, IntegrifyUser user, SharedCardRef? sharedCard, TaskListView view, CardNotice notice, CancellationToken cancellationToken) =>
        sharedCard is null ? ListAsync(turn, user, view, notice, cancellationToken) : shared.ShowAsync(turn, user, sharedCard, notice, cancellationToken);

    /// <summary>Runs a completion and turns Integrify's refusals into what the user should read.</summary>
    private async Task<CardNotice> ActAsync(BotRequest turn, long? instanceId, Func<Task<CardNotice>> complete)
    {
        try
        {
            return await complete();
        }
        catch (IntegrifyConflictException conflict)
        {
            return TaskNotices.AlreadyCompleted(instanceId, conflict.CompletedBy, conflict.CompletedDate, outcome: null, turn);
        }
        catch (IntegrifyException exception) when (exception is IntegrifyForbiddenException or IntegrifyNotFoundException)
        {
            return NoLongerYours(instanceId, exception);
        }
    }

    private CardNotice NoLongerYours(long? instanceId, IntegrifyException refusal)
    {
        LogRefused((int?)refusal.Status);
        return TaskNotices.NoLongerYours(instanceId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A user completed a task ({TaskType}) from a card")]
    private partial void LogCompleted(string taskType);

    [LoggerMessage(Level = LogLevel.Information, Message = "A user completed a task ({TaskType}) from a card")]
    private partial void LogCompleted(CompletableTaskType taskType);

    [LoggerMessage(Level = LogLevel.Information, Message = "A user added a comment to a request from a task card")]
    private partial void LogCommented();

    [LoggerMessage(Level = LogLevel.Information, Message = "Integrify refused a task action (status {Status})")]
    private partial void LogRefused(int? status);
}
