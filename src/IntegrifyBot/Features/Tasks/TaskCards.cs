using IntegrifyBot.Cards;
using IntegrifyBot.Cards.Model;
using IntegrifyBot.Integrify.Api.Models;
using IntegrifyBot.Routing;

namespace IntegrifyBot.Features.Tasks;

/// <summary>The cards of tasks: pure functions from Integrify's answers to what the user sees.</summary>
public static class TaskCards
{
    public const int MaxCommentLength = 2000;

    /// <summary>
    /// An approval's choices on a card: Teams shows a handful of buttons in a row, and a choice
    /// longer than a button's data may carry is made in Integrify instead.
    /// </summary>
    public const int MaxChoices = 3;
    public const int MaxChoiceLength = 32;

    /// <summary>The longest line from a process shown on a new task's card; the rest is cut.</summary>
    public const int MaxMessageLength = 500;

    private const string ShowMyTasks = "Show my tasks";

    /// <summary>The latest comments shown on a task's card; the rest are in Integrify.</summary>
    private const int MaxCommentsShown = 5;

    /// <summary>
    /// What everyone in a group chat or channel sees when someone asks for their tasks: nothing of
    /// the tasks themselves. Teams replaces it for the person who asked (refresh with their id) by
    /// their own list, buttons and all.
    /// </summary>
    /// <param name="done">What the asker just did from the card, said to everyone, or null.</param>
    public static AdaptiveCard PrivateList(BotRequest turn, TaskListView view, string? done = null)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var who = string.IsNullOrWhiteSpace(turn.User.Name) ? null : CardText.Escape(turn.User.Name, 80);
        var body = new List<CardElement>
        {
            CardParts.Heading(who is null ? "Tasks" : $"{who}'s tasks"),
            new TextBlock("Tasks are private: only the person who asked sees them on this card. Send me **tasks** to see yours.") { IsSubtle = true },
        };
        if (done is not null)
        {
            body.Add(CardParts.Banner($"{who ?? "Someone"} {done}", isProblem: false));
        }

        return new AdaptiveCard
        {
            FallbackText = "Tasks are shown only to the person who asked.",
            Body = body,
            Refresh = CardRefreshes.ForAsker(turn, ShowMyTasks, TaskVerbs.Page, view),
        };
    }

    /// <summary>
    /// The list, kept under Teams' message size (see <see cref="FirstThatFits"/>).
    /// </summary>
    /// <param name="integrify">The instance's address, for "Open in Integrify" links.</param>
    /// <param name="now">Now, to mark overdue tasks.</param>
    public static AdaptiveCard List(TaskListPage page, BotRequest turn, Uri integrify, DateTimeOffset now, CardNotice? notice = null) =>
        FirstThatFits(buttons => List(page, turn, integrify, now, notice, buttons));

    /// <summary>
    /// A card of task rows drawn with as many buttons as Teams' message size allows: all of them;
    /// else without Reassign (a page of approvals with three choices each comes close to the limit);
    /// else only Details, when Integrify's names and choices are very long. Details has every button.
    /// </summary>
    public static AdaptiveCard FirstThatFits(Func<RowButtons, AdaptiveCard> draw)
    {
        ArgumentNullException.ThrowIfNull(draw);
        foreach (var buttons in new[] { RowButtons.All, RowButtons.WithoutReassign })
        {
            var card = draw(buttons);
            if (CardLimits.Fits(card))
            {
                return card;
            }
        }

        return draw(RowButtons.DetailsOnly);
    }

    private static AdaptiveCard List(TaskListPage page, BotRequest turn, Uri integrify, DateTimeOffset now, CardNotice? notice, RowButtons buttons)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(turn);
        var view = page.View;
        var searched = CardParts.Matching(view.Search);
        var body = CardParts.ListHeader(
            "Your tasks",
            notice,
            page.Total,
            view.Start,
            page.Tasks.Count,
            $"open{searched}",
            ", soonest due first",
            searched.Length == 0 ? "Nothing is waiting for you in Integrify. Enjoy!" : $"No open tasks{searched}.");
        body.AddRange(page.Tasks.Select(task => Row(task, page.Approvals.GetValueOrDefault(task.RecipientTaskSid), view, turn, integrify, now, buttons)));

        var actions = CardParts.Paging(TaskVerbs.Page, view, view.Start, page.Tasks.Count, page.Total, CardLimits.PageSize, (list, start) => list with { Start = start }).ToList();
        actions.Add(CardActions.Execute("Refresh", TaskVerbs.Page, view));
        if (DecideSeveral(page) is { } several)
        {
            actions.Add(several);
        }

        return new AdaptiveCard
        {
            FallbackText = page.Total == 0 ? "No open tasks." : $"You have {page.Total} open tasks in Integrify.",
            Body = body,
            Actions = actions,

            // In a shared conversation the card stays the asker's: Teams asks again for them only.
            Refresh = CardRefreshes.ForAskerWhenShared(turn, ShowMyTasks, TaskVerbs.Page, view),
        };
    }

    /// <summary>
    /// "Decide several": one button for each meaning the page's approvals offer (Approve, Reject…), each
    /// opening the checklist of the approvals that offer it. Null when there is only one task to decide.
    /// </summary>
    private static ShowCardAction? DecideSeveral(TaskListPage page)
    {
        const int MaxMeanings = 4;
        var meanings = page.Approvals.Values
            .Where(approval => !approval.Completed)
            .SelectMany(approval => approval.Choices.Where(choice => choice.Value.Length is > 0 and <= MaxChoiceLength).Select(ChoiceMeaning.Of).DistinctBy(meaning => meaning.Key))
            .GroupBy(meaning => meaning.Key)
            .OrderByDescending(offered => offered.Count())
            .Select(offered => offered.First())
            .Take(MaxMeanings)
            .ToList();
        if (meanings.Count == 0 || page.Total < 2)
        {
            return null;
        }

        return new ShowCardAction(new AdaptiveCard
        {
            Body = [new TextBlock("Pick a decision, then tick the tasks it is for.") { IsSubtle = true }],
            Actions = [.. meanings.Select(meaning => CardActions.Execute($"{CardText.Truncate(meaning.Name, 30)} several", TaskVerbs.Several, new SeveralTasksData(meaning.Key, page.View.Search, page.View.Start)))],
        }) { Title = "Decide several" };
    }

    /// <summary>Asks for the comment Integrify requires for this choice; nothing was sent yet.</summary>
    public static AdaptiveCard CommentNeeded(ApproveTaskData data, string choiceLabel)
    {
        ArgumentNullException.ThrowIfNull(data);
        var name = Name(data.InstanceId);
        return new AdaptiveCard
        {
            FallbackText = $"A comment is needed to {choiceLabel} the task on request #{data.InstanceId}.",
            Body =
            [
                CardParts.Heading("A comment is needed", TextSize.Medium),
                new TextBlock($"Integrify asks for a comment to choose **{CardText.Escape(choiceLabel, 100)}** on {name}. Nothing was sent yet."),
                new TextInput(TaskVerbs.CommentInput) { Label = "Comment", IsMultiline = true, IsRequired = true, ErrorMessage = "Please write a comment.", MaxLength = MaxCommentLength },
            ],
            Actions =
            [
                CardActions.Execute(CardText.Truncate(choiceLabel, 40), TaskVerbs.Approve, data with { Comment = null }, ActionStyle.Positive),
                data.Shared is { } shared ? SharedCards.Show(shared, "Back") : CardActions.Execute("Back to my tasks", TaskVerbs.Page, new TaskListView(data.Search, data.Start)),
            ],
        };
    }

    /// <summary>How a task is named in notices: "the task on request #1001".</summary>
    public static string Name(long? instanceId) => instanceId is { } id ? $"the task on request #{id}" : "the task";

    /// <summary>A task in a list: its name, request and due date, with the <paramref name="buttons"/> that fit.</summary>
    public static Container Row(TaskItem task, ApprovalDetails? approval, TaskListView view, BotRequest turn, Uri integrify, DateTimeOffset now, RowButtons buttons)
    {
        var items = new List<CardElement>
        {
            new TextBlock($"**{CardText.Escape(task.TaskName ?? "Task", 80)}**"),
            new TextBlock($"#{task.InstanceId} · {CardText.Escape(task.RequestName, 80)}") { Spacing = Spacing.None },
            Due(task, turn, now),
        };
        var actions = buttons == RowButtons.DetailsOnly ? [] : Acting(task, approval, view, integrify);
        actions.Add(CardActions.Execute("Details", TaskVerbs.Open, new OpenTaskData(task.RecipientTaskSid, view.Search, view.Start)));
        if (buttons == RowButtons.All && Reassignable(task))
        {
            actions.Add(Reassign(task, view));
        }

        items.Add(new ActionSet(actions));

        return new Container(items) { Separator = true, Spacing = Spacing.Medium };
    }

    /// <summary>The task's process, type and due date, in the user's time zone; an overdue task in red.</summary>
    public static TextBlock Due(TaskItem task, BotRequest turn, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(turn);
        var kind = $"{CardText.Escape(task.ProcessName, 40)} · {CardText.Truncate(TaskKinds.Describe(task.TaskType), 20)}";
        if (task.DueDate is not { } due)
        {
            return new TextBlock($"{kind} · no due date") { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None };
        }

        var when = CardDates.Format(due, turn.Locale, turn.TimeZone);
        return due < now
            ? new TextBlock($"{kind} · **Overdue**, was due {when}") { Color = TextColor.Attention, Size = TextSize.Small, Spacing = Spacing.None }
            : new TextBlock($"{kind} · due {when}") { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None };
    }

    /// <summary>
    /// The buttons that act on a task, whichever card shows it: an approval's choices (as Integrify
    /// offers them), Complete for open-URL and milestone tasks, or Open in Integrify for the rest.
    /// Each uses the task verbs, so that every card acts through the same checked path.
    /// </summary>
    /// <param name="view">The task list page the user sees after acting.</param>
    /// <param name="shared">The shared card the buttons are on, which the user then sees again instead of the list; null elsewhere.</param>
    public static List<CardAction> Acting(TaskItem task, ApprovalDetails? approval, TaskListView view, Uri integrify, SharedCardRef? shared = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(view);
        var choices = approval is { Completed: false } ? approval.Choices.Where(choice => choice.Value.Length is > 0 and <= MaxChoiceLength).Take(MaxChoices).ToList() : [];
        if (TaskKinds.IsApproval(task.TaskType) && choices.Count > 0)
        {
            return choices.Select((choice, index) => (CardAction)CardActions.Execute(
                CardText.Truncate(choice.Label ?? choice.Value, 30),
                TaskVerbs.Approve,
                new ApproveTaskData(task.RecipientTaskSid, choice.Value, task.InstanceId, view.Search, view.Start, Shared: shared),
                index == 0 ? ActionStyle.Positive : null)).ToList();
        }

        if (TaskKinds.Completable(task.TaskType) is { } completable)
        {
            return
            [
                CardActions.Execute("Complete", TaskVerbs.Complete, new CompleteTaskData(task.RecipientTaskSid, completable, task.InstanceId, view.Search, view.Start, shared), ActionStyle.Positive),
                OpenInIntegrify(task, integrify),
            ];
        }

        return [OpenInIntegrify(task, integrify)];
    }

    /// <summary>
    /// One task in full: its request's facts, Integrify's instructions, the request's comments, a
    /// comment box for the approval's choices, and adding a comment on its own.
    /// </summary>
    public static AdaptiveCard Detail(TaskItem task, ApprovalDetails? approval, IReadOnlyList<RequestComment> comments, TaskListView view, BotRequest turn, Uri integrify, DateTimeOffset now, CardNotice? notice = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(comments);
        ArgumentNullException.ThrowIfNull(turn);
        var body = CardParts.Header(CardText.Escape(task.TaskName ?? "Task", 150), notice, TextSize.Medium);
        body.Add(new FactSet(Facts(task, turn, now)));
        if (!string.IsNullOrWhiteSpace(approval?.Instructions))
        {
            body.Add(new TextBlock(CardText.Escape(approval.Instructions, 1000)) { Spacing = Spacing.Medium });
        }

        body.Add(new TextBlock(comments.Count == 0 ? "No comments yet." : "Comments") { Weight = TextWeight.Bolder, Spacing = Spacing.Medium });
        foreach (var comment in comments.TakeLast(MaxCommentsShown))
        {
            var when = comment.Date is { } date ? " · " + CardDates.Format(date, turn.Locale, turn.TimeZone) : string.Empty;
            body.Add(new TextBlock($"{CardText.Escape(comment.Author ?? "Someone", 80)}{when}") { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.Small });
            body.Add(new TextBlock(CardText.Escape(comment.Comment, 600)) { Spacing = Spacing.None });
        }

        var actions = Acting(task, approval, view, integrify);
        if (DecisionComment(actions) is { } decisionComment)
        {
            body.Add(decisionComment);
        }

        actions.Add(new ShowCardAction(new AdaptiveCard
        {
            Body = [new TextInput(TaskVerbs.NewCommentInput) { Label = "Comment", IsMultiline = true, IsRequired = true, ErrorMessage = "Please write a comment.", MaxLength = MaxCommentLength }],
            Actions = [CardActions.Execute("Add comment", TaskVerbs.AddComment, new AddCommentData(task.RecipientTaskSid, view.Search, view.Start))],
        }) { Title = "Add a comment" });
        if (Reassignable(task))
        {
            actions.Add(Reassign(task, view));
        }

        actions.Add(CardActions.Execute("Back to my tasks", TaskVerbs.Page, view));
        return new AdaptiveCard
        {
            FallbackText = $"{task.TaskName} on request #{task.InstanceId}.",
            Body = body,
            Actions = actions,
            Refresh = CardRefreshes.ForAskerWhenShared(turn, "Show the task", TaskVerbs.Open, new OpenTaskData(task.RecipientTaskSid, view.Search, view.Start)),
        };
    }

    /// <summary>
    /// A task just assigned to the user, sent to their personal chat without their asking: what it
    /// is, the line the process sent with it, and the same buttons as in the task list, so that it
    /// can be done right there. After acting, the card becomes the task list, as any task card does.
    /// </summary>
    /// <param name="message">A line from the Integrify process that announced the task, or null; shown escaped.</param>
    /// <param name="reader">Whose locale and time zone the dates are shown in.</param>
    /// <param name="now">Now, to mark a task already overdue.</param>
    public static AdaptiveCard Assigned(ActionableTask assigned, string? message, BotRequest reader, Uri integrify, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(assigned);
        ArgumentNullException.ThrowIfNull(reader);
        var task = assigned.Task;
        var body = new List<CardElement>
        {
            CardParts.Heading("New task for you"),
        };
        if (!string.IsNullOrWhiteSpace(message))
        {
            body.Add(new Container([new TextBlock(CardText.Escape(message.Trim(), MaxMessageLength))]) { Style = ContainerStyle.Emphasis });
        }

        body.Add(new TextBlock($"**{CardText.Escape(task.TaskName ?? "Task", 150)}**") { Spacing = Spacing.Medium });
        body.Add(new FactSet(Facts(task, reader, now)));
        if (!string.IsNullOrWhiteSpace(assigned.Approval?.Instructions))
        {
            body.Add(new TextBlock(CardText.Escape(assigned.Approval.Instructions, 1000)) { Spacing = Spacing.Medium });
        }

        var actions = Acting(task, assigned.Approval, new TaskListView(), integrify);
        if (DecisionComment(actions) is { } decisionComment)
        {
            body.Add(decisionComment);
        }

        if (Reassignable(task))
        {
            actions.Add(Reassign(task, new TaskListView()));
        }

        actions.Add(CardActions.Execute("Details", TaskVerbs.Open, new OpenTaskData(task.RecipientTaskSid)));
        return new AdaptiveCard
        {
            FallbackText = $"New task for you: {task.TaskName} on request #{task.InstanceId}.",
            Body = body,
            Actions = actions,
        };
    }

    /// <summary>The comment box sent with an approval's choice, when the buttons offer one; null otherwise.</summary>
    public static TextInput? DecisionComment(IEnumerable<CardAction> acting)
    {
        ArgumentNullException.ThrowIfNull(acting);
        return acting.Any(action => action is ExecuteAction { Verb: TaskVerbs.Approve })
            ? new TextInput(TaskVerbs.CommentInput) { Label = "Comment with your decision", IsMultiline = true, MaxLength = MaxCommentLength }
            : null;
    }

    /// <summary>A task's request, process, type and dates, in the reader's time zone.</summary>
    internal static List<Fact> Facts(TaskItem task, BotRequest turn, DateTimeOffset now)
    {
        var facts = new List<Fact>
        {
            new("Request", $"#{task.InstanceId} · {CardText.Escape(task.RequestName, 150)}"),
            new("Process", CardText.Escape(task.ProcessName, 100)),
            new("Type", TaskKinds.Describe(task.TaskType)),
            new("Due", task.DueDate is { } due ? CardDates.Format(due, turn.Locale, turn.TimeZone) + (due < now ? " (overdue)" : string.Empty) : "No due date"),
        };
        if (task.StartDate is { } started)
        {
            facts.Add(new Fact("Assigned", CardDates.Format(started, turn.Locale, turn.TimeZone)));
        }

        return facts;
    }

    /// <summary>Whether Integrify lets the assignee hand the task on: unless it says otherwise, it does.</summary>
    public static bool Reassignable(TaskItem task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.AllowReassign != false;
    }

    /// <summary>Reassign, opening the people search for the task.</summary>
    private static ExecuteAction Reassign(TaskItem task, TaskListView view) =>
        CardActions.Execute("Reassign", TaskVerbs.Reassign, new ReassignTaskData(task.RecipientTaskSid, view.Search, view.Start));

    /// <summary>Integrify's deep link to the task, for everything a card cannot do (forms).</summary>
    private static OpenUrlAction OpenInIntegrify(TaskItem task, Uri integrify) =>
        new(new Uri(integrify, $"#/section-dashboard/recipienttask/{Uri.EscapeDataString(task.RecipientTaskSid)}")) { Title = "Open in Integrify" };
}
