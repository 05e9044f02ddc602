using IntegrifyBot.Cards;
using IntegrifyBot.Integrify.Api;
using IntegrifyBot.Integrify.Api.Models;
using IntegrifyBot.Integrify.Errors;
using IntegrifyBot.Routing;

namespace IntegrifyBot.Features.Tasks;

/// <summary>
/// Handing one of the user's open tasks to a colleague found in Integrify's directory (U2, T6). The
/// task is checked to be still the user's first, the colleague to be one the directory offers for
/// what was typed, and the reassignment is sent once however often Reassign is pressed.
/// </summary>
public sealed partial class ReassignFeature(
    IIntegrifyTasksApi tasks,
    IIntegrifyUserApi users,
    TaskFinder finder,
    TaskActions actions,
    ApprovalChoices choices,
    ITaskAnnouncer announcer,
    TimeProvider time,
    ILogger<ReassignFeature> logger) : IBotFeature
{
    /// <summary>What a press of Reassign finds when the task was moved, completed or withdrawn meanwhile.</summary>
    private static readonly CardNotice Gone = new("That task is no longer open for you.", IsProblem: true);

    private static readonly CardNotice NothingTyped = new("Type part of a name or an email address first.", IsProblem: true);

    public void MapRoutes(RouteTable routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapLinkedVerb<ReassignTaskData>(TaskVerbs.Reassign, retryWithData: true, FindAsync);
        routes.MapLinkedVerb<ReassignToData>(TaskVerbs.ReassignTo, retryWithData: false, ReassignAsync);
    }

    /// <summary>The people search: empty at first, then whom the directory holds for what was typed.</summary>
    private async Task<BotReply> FindAsync(BotRequest turn, IntegrifyUser user, ReassignTaskData data, CancellationToken cancellationToken)
    {
        var view = new TaskListView(data.Search, data.Start);
        if (await finder.FindOpenAsync(user, data.RecipientTaskSid, cancellationToken) is not { } task)
        {
            return new CardReply(ReassignCards.NoLongerOpen(view));
        }

        if (!TaskCards.Reassignable(task))
        {
            return new CardReply(ReassignCards.NotAllowed(view));
        }

        if (Typed(data.Colleague) is not { } typed)
        {
            var notice = data.Colleague is null ? null : NothingTyped;
            return new CardReply(ReassignCards.Search(task, view, typed: null, found: null, total: 0, notice));
        }

        var found = await FindPeopleAsync(user, typed, cancellationToken);
        return new CardReply(ReassignCards.Search(task, view, typed, found.People, found.Total));
    }

    private async Task<BotReply> ReassignAsync(BotRequest turn, IntegrifyUser user, ReassignToData data, CancellationToken cancellationToken)
    {
        var view = new TaskListView(data.Search, data.Start);
        if (await finder.FindOpenAsync(user, data.RecipientTaskSid, cancellationToken) is not { } task)
        {
            // Completed, withdrawn or already handed on (a second press of Reassign lands here).
            return new CardReply(ReassignCards.NoLongerOpen(view));
        }

        if (!TaskCards.Reassignable(task))
        {
            return new CardReply(ReassignCards.NotAllowed(view));
        }

        if (Typed(data.Colleague) is not { } typed)
        {
            return new CardReply(ReassignCards.Search(task, view, typed: null, found: null, total: 0, NothingTyped));
        }

        // Whom the search offers now: the pick must be among them, whatever the card carried.
        var found = await FindPeopleAsync(user, typed, cancellationToken);
        var colleague = found.People.FirstOrDefault(person => string.Equals(person.Sid, data.ContactSid, StringComparison.OrdinalIgnoreCase));
        if (colleague is null)
        {
            var problem = string.IsNullOrWhiteSpace(data.ContactSid) ? "Pick the colleague to hand the task to." : "That colleague is not among those found any more: pick again.";
            return new CardReply(ReassignCards.Search(task, view, typed, found.People, found.Total, new CardNotice(problem, IsProblem: true)));
        }

        var comment = string.IsNullOrWhiteSpace(data.ReassignComment) ? null : data.ReassignComment.Trim();
        var outcome = await actions.RunOnceAsync(user, task.RecipientTaskSid, () => SendAsync(user, task.RecipientTaskSid, colleague, comment));
        if (ReferenceEquals(outcome, Gone))
        {
            return new CardReply(ReassignCards.NoLongerOpen(view));
        }

        if (outcome.IsProblem)
        {
            return new CardReply(ReassignCards.Search(task, view, typed, found.People, found.Total, outcome));
        }

        choices.Forget(user);
        await AnnounceAsync(turn, task, colleague, comment);
        return new CardReply(ReassignCards.Reassigned(task, ReassignCards.NameOf(colleague), time.GetUtcNow(), comment, view, turn));
    }

    /// <summary>
    /// The task checked once more, then the comment, then the reassignment, none cancelled with the
    /// turn: once sent, the outcome must be known. Checked here, where presses of Reassign take turns,
    /// so that a press after another has moved the task finds it gone rather than sending T6 again.
    /// The comment goes first because the request may no longer be the user's to comment on once the
    /// task is not. <see cref="Gone"/> when the task is not the user's any more; a problem notice
    /// with Integrify's reason when it refused.
    /// </summary>
    private async Task<CardNotice> SendAsync(IntegrifyUser user, string recipientTaskSid, DirectoryUser colleague, string? comment)
    {
        if (await finder.FindOpenAsync(user, recipientTaskSid, CancellationToken.None) is not { } task)
        {
            return Gone;
        }

        var commented = false;
        try
        {
            if (comment is not null && task.InstanceSid is { Length: > 0 } instanceSid)
            {
                await tasks.PostCommentAsync(user, new NewComment(instanceSid, comment), CancellationToken.None);
                commented = true;
            }

            await tasks.ReassignAsync(user, task.RecipientTaskSid, colleague.Sid, CancellationToken.None);
            LogReassigned();
            return new CardNotice("Reassigned.", IsProblem: false);
        }
        catch (IntegrifyException exception) when (exception is IntegrifyBadRequestException or IntegrifyForbiddenException or IntegrifyNotFoundException or IntegrifyConflictException)
        {
            LogRefused((int?)exception.Status);
            var reason = string.IsNullOrWhiteSpace(exception.Description) ? string.Empty : $": {CardText.Escape(exception.Description, 300)}";
            var added = commented ? " Your comment was added to the request." : string.Empty;
            return new CardNotice($"Integrify did not reassign the task{reason}.{added}", IsProblem: true);
        }
    }

    /// <summary>
    /// The colleague's *New task for you*, at once when they are linked, never twice (the outbox keeps
    /// one per person and task, whoever finds it first). The task moved already: a failure to queue
    /// it only delays the message until the colleague's next poll, so it does not fail the turn.
    /// </summary>
    private async Task AnnounceAsync(BotRequest turn, TaskItem task, DirectoryUser colleague, string? comment)
    {
        if (string.IsNullOrWhiteSpace(colleague.UserName))
        {
            return;
        }

        var from = string.IsNullOrWhiteSpace(turn.User.Name) ? "A colleague" : turn.User.Name;
        var line = comment is null ? $"{from} handed this task to you." : $"{from} handed this task to you: “{comment}”";
        try
        {
            await announcer.AnnounceAsync(colleague.UserName, task.RecipientTaskSid, line, CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogNotAnnounced(exception);
        }
    }

    private async Task<(IReadOnlyList<DirectoryUser> People, int Total)> FindPeopleAsync(IntegrifyUser user, string typed, CancellationToken cancellationToken)
    {
        var page = await users.SearchUsersAsync(user, UserQuery.Typed(typed, start: 0, count: ReassignCards.MaxPeopleShown), cancellationToken);
        var people = page.Items.Where(person => !string.IsNullOrWhiteSpace(person.Sid)).Take(ReassignCards.MaxPeopleShown).ToList();
        return (people, Math.Max(page.Total, people.Count));
    }

    private static string? Typed(string? colleague) =>
        string.IsNullOrWhiteSpace(colleague) ? null : CardText.Truncate(colleague.Trim(), ReassignCards.MaxColleagueLength);

    [LoggerMessage(Level = LogLevel.Information, Message = "A user reassigned a task from a card")]
    private partial void LogReassigned();

    [LoggerMessage(Level = LogLevel.Warning, Message = "A reassigned task could not be queued for its new assignee's Teams users; their next poll finds it")]
    private partial void LogNotAnnounced(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Integrify refused to reassign a task (status {Status})")]
    private partial void LogRefused(int? status);
}
