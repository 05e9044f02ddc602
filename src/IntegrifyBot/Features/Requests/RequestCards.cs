using IntegrifyBot.Cards;
using IntegrifyBot.Cards.Model;
using IntegrifyBot.Features.Tasks;
using IntegrifyBot.Integrify.Api.Models;
using IntegrifyBot.Routing;

namespace IntegrifyBot.Features.Requests;

/// <summary>The cards of the user's requests: pure functions from Integrify's answers to what the user sees.</summary>
public static class RequestCards
{
    public const int MaxNameLength = 200;

    /// <summary>Started, Completed, Canceled: only a started request can still be canceled.</summary>
    public const string Started = "Started";

    public static AdaptiveCard List(PagedList<RequestSummary> page, RequestListView view, BotRequest turn, CardNotice? notice = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(turn);
        var searched = CardParts.Matching(view.Search);
        var body = CardParts.ListHeader(
            "Your requests",
            notice,
            page.Total,
            view.Start,
            page.Items.Count,
            $"requests{searched}",
            ", newest first",
            searched.Length == 0 ? "You have not started any requests in Integrify yet." : $"No requests{searched}.");
        body.AddRange(page.Items.Select(request => Item(request, view, turn)));

        var actions = CardParts.Paging(RequestVerbs.Page, view, view.Start, page.Items.Count, page.Total, CardLimits.PageSize, (list, start) => list with { Start = start }).ToList();
        actions.Add(CardActions.Execute("Refresh", RequestVerbs.Page, view));
        return new AdaptiveCard
        {
            FallbackText = $"You have {page.Total} requests in Integrify.",
            Body = body,
            Actions = actions,
            Refresh = CardRefreshes.ForAskerWhenShared(turn, "Show my requests", RequestVerbs.Page, view),
        };
    }

    /// <param name="confirmCancel">Whether to ask "cancel it?" under the facts.</param>
    public static AdaptiveCard Detail(RequestDetails request, RequestListView view, BotRequest turn, Uri integrify, CardNotice? notice = null, bool confirmCancel = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(turn);
        var body = CardParts.Header($"#{request.Id} · {CardText.Escape(request.Name, 120)}", notice);
        var facts = new List<Fact>
        {
            new("Process", CardText.Escape(request.ProcessName, 80)),
            new("Status", CardText.Escape(request.Status, 40)),
        };
        if (request.CreatedDate is { } created)
        {
            facts.Add(new Fact("Started", CardDates.Format(created, turn.Locale, turn.TimeZone)));
        }

        if (!string.IsNullOrWhiteSpace(request.LastMilestone))
        {
            var when = request.LastMilestoneDate is { } date ? $" ({CardDates.Format(date, turn.Locale, turn.TimeZone)})" : string.Empty;
            facts.Add(new Fact("Last milestone", CardText.Escape(request.LastMilestone, 100) + when));
        }

        body.Add(new FactSet(facts));
        body.Add(new TextBlock(request.OpenTasks.Count == 0 ? "No open tasks." : "Waiting on") { Weight = TextWeight.Bolder, Spacing = Spacing.Medium });
        body.AddRange(request.OpenTasks.Take(10).Select(task => new TextBlock(
            $"{CardText.Escape(task.TaskName, 80)} · {CardText.Escape(task.AssignedTo ?? "someone", 80)}" +
            (task.DueDate is { } due ? $" · due {CardDates.Format(due, turn.Locale, turn.TimeZone)}" : string.Empty)) { Spacing = Spacing.Small }));

        var actions = new List<CardAction>();
        if (confirmCancel)
        {
            body.Add(new TextBlock($"Cancel request #{request.Id}? Everyone's open tasks in it end, and this cannot be undone.") { Color = TextColor.Attention, Weight = TextWeight.Bolder, Spacing = Spacing.Medium });
            actions.Add(CardActions.Execute("Yes, cancel it", RequestVerbs.Cancel, new CancelRequestData(request.Sid, Confirmed: true, view.Search, view.Start), ActionStyle.Destructive));
            actions.Add(CardActions.Execute("Keep it", RequestVerbs.Open, new OpenRequestData(request.Sid, view.Search, view.Start)));
        }
        else
        {
            if (string.Equals(request.Status, Started, StringComparison.OrdinalIgnoreCase))
            {
                actions.Add(CardActions.Execute("Cancel request", RequestVerbs.Cancel, new CancelRequestData(request.Sid, Confirmed: false, view.Search, view.Start)));
            }

            actions.Add(new OpenUrlAction(new Uri(integrify, $"#/section-dashboard/request/{Uri.EscapeDataString(request.Sid)}")) { Title = "Open in Integrify" });
            actions.Add(CardActions.Execute("Back to my requests", RequestVerbs.Page, view));
        }

        return new AdaptiveCard
        {
            FallbackText = $"Request #{request.Id}: {request.Status}.",
            Body = body,
            Actions = actions,
            Refresh = CardRefreshes.ForAskerWhenShared(turn, "Show the request", RequestVerbs.Open, new OpenRequestData(request.Sid, view.Search, view.Start)),
        };
    }

    private static Container Item(RequestSummary request, RequestListView view, BotRequest turn)
    {
        // A request that ended often has its status as its last milestone too: it is said once.
        var milestone = string.IsNullOrWhiteSpace(request.LastMilestone) || string.Equals(request.LastMilestone, request.Status, StringComparison.OrdinalIgnoreCase)
            ? string.Empty
            : $" · {CardText.Escape(request.LastMilestone, 60)}";
        var created = request.CreatedDate is { } date ? $" · started {CardDates.Format(date, turn.Locale, turn.TimeZone)}" : string.Empty;
        return new Container(
        [
            new TextBlock($"**#{request.Id} · {CardText.Escape(request.Name, 80)}**"),
            new TextBlock($"{CardText.Escape(request.ProcessName, 40)} · {CardText.Escape(request.Status, 20)}{milestone}{created}") { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None },
            new ActionSet([CardActions.Execute("Details", RequestVerbs.Open, new OpenRequestData(request.Sid, view.Search, view.Start))]),
        ])
        {
            Separator = true,
            Spacing = Spacing.Medium,
        };
    }

    /// <summary>The processes the user may start, found by Integrify (R1), each with a Start button.</summary>
    public static AdaptiveCard Processes(IReadOnlyList<SearchResult> processes, string? search)
    {
        ArgumentNullException.ThrowIfNull(processes);
        var searched = CardParts.Matching(search);
        var body = new List<CardElement> { CardParts.Heading("Start a request") };
        if (processes.Count == 0)
        {
            body.Add(new TextBlock($"There is no process{searched} that you may start."));
        }

        body.AddRange(processes.Take(CardLimits.PageSize).Select(process => new Container(
        [
            new TextBlock($"**{CardText.Escape(process.Name, 80)}**"),
            new TextBlock(CardText.Escape(process.Description, 200)) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None },
            new ActionSet([CardActions.Execute("Start", RequestVerbs.Pick, new PickProcessData(process.Sid, CardText.Truncate(process.Name ?? "Request", 80)))]),
        ])
        {
            Separator = true,
        }));
        return new AdaptiveCard { FallbackText = "Pick a process to start a request.", Body = body };
    }

    /// <summary>
    /// A process shared into a conversation: whoever presses Start names and starts their own request
    /// of it, as their own Integrify account allows.
    /// </summary>
    public static AdaptiveCard Invitation(SearchResult process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var name = CardText.Truncate(process.Name ?? "Request", 80);
        var body = new List<CardElement> { CardParts.Heading($"Start “{CardText.Escape(name, 80)}”", TextSize.Medium) };
        if (!string.IsNullOrWhiteSpace(process.Description))
        {
            body.Add(new TextBlock(CardText.Escape(process.Description, 300)) { IsSubtle = true });
        }

        body.Add(new TextBlock("Press Start to name and start your own request.") { Size = TextSize.Small });
        return new AdaptiveCard
        {
            FallbackText = $"Start a {name} request in Integrify.",
            Body = body,
            Actions = [CardActions.Execute("Start", RequestVerbs.Pick, new PickProcessData(process.Sid, name), ActionStyle.Positive)],
        };
    }

    /// <summary>Asks for the request's name, prefilled; the start id makes a second click harmless.</summary>
    public static AdaptiveCard NameIt(PickProcessData process, string suggestedName, string startId, string? problem = null)
    {
        ArgumentNullException.ThrowIfNull(process);
        var body = new List<CardElement>
        {
            CardParts.Heading($"Start “{CardText.Escape(process.ProcessName ?? "a request", 80)}”"),
        };
        if (problem is not null)
        {
            body.Add(new TextBlock(problem) { Color = TextColor.Attention });
        }

        body.Add(new TextInput(RequestVerbs.NameInput) { Label = "Name of the request", Value = suggestedName, IsRequired = true, ErrorMessage = "Give the request a name.", MaxLength = MaxNameLength });
        return new AdaptiveCard
        {
            FallbackText = $"Name the new {process.ProcessName} request.",
            Body = body,
            Actions = [CardActions.Execute("Start request", RequestVerbs.Start, new StartRequestData(process.ProcessSid, startId, process.ProcessName), ActionStyle.Positive)],
        };
    }

    /// <summary>The request just started: its number, and what happens next (a link to the next task when it is the user's).</summary>
    public static AdaptiveCard JustStarted(StartedRequest started, string requestName, Uri integrify)
    {
        ArgumentNullException.ThrowIfNull(started);
        var body = new List<CardElement> { StartedBanner(started, requestName) };
        var actions = new List<CardAction>();
        var mine = started.NextTasks.FirstOrDefault(task => task.AssignedToMe);
        if (mine?.RecipientTaskSid is { Length: > 0 } sid)
        {
            body.Add(new TextBlock($"Next is yours: **{CardText.Escape(mine.TaskName, 80)}**."));
            actions.Add(new OpenUrlAction(new Uri(integrify, $"#/section-dashboard/recipienttask/{Uri.EscapeDataString(sid)}")) { Title = "Open it in Integrify" });
        }
        else
        {
            var next = started.NextTasks.Select(task => CardText.Escape(task.TaskName, 80)).Where(name => name.Length > 0).ToList();
            body.Add(new TextBlock(next.Count == 0 ? "Integrify will take it from here." : $"Next: {string.Join(", ", next)}."));
        }

        actions.AddRange(RequestLinks(started, integrify));
        return new AdaptiveCard { FallbackText = $"Request #{started.InstanceId} is started.", Body = body, Actions = actions };
    }

    /// <summary>
    /// The request just started, with its next task, the user's, right there: the buttons that fit its
    /// type, as in the task list (an approval's choices with a comment box, Complete, or Open in Integrify).
    /// </summary>
    /// <param name="mine">The user's next task as their task list has it now.</param>
    /// <param name="now">Now, to mark a task already overdue.</param>
    public static AdaptiveCard JustStarted(StartedRequest started, string requestName, ActionableTask mine, BotRequest turn, Uri integrify, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(started);
        ArgumentNullException.ThrowIfNull(mine);
        var task = mine.Task;
        var body = new List<CardElement>
        {
            StartedBanner(started, requestName),
            new TextBlock($"Next is yours: **{CardText.Escape(task.TaskName ?? "Task", 80)}**"),
            TaskCards.Due(task, turn, now),
        };
        if (!string.IsNullOrWhiteSpace(mine.Approval?.Instructions))
        {
            body.Add(new TextBlock(CardText.Escape(mine.Approval.Instructions, 1000)) { Spacing = Spacing.Medium });
        }

        // After acting, the user sees their task list, as after acting on any task card.
        var actions = TaskCards.Acting(task, mine.Approval, new TaskListView(), integrify);
        if (TaskCards.DecisionComment(actions) is { } comment)
        {
            body.Add(comment);
        }

        actions.AddRange(RequestLinks(started, integrify));
        return new AdaptiveCard { FallbackText = $"Request #{started.InstanceId} is started. Next is yours: {task.TaskName}.", Body = body, Actions = actions };
    }

    private static Container StartedBanner(StartedRequest started, string requestName) =>
        CardParts.Banner($"Request #{started.InstanceId} “{CardText.Escape(requestName, 120)}” is started.", isProblem: false);

    private static IEnumerable<CardAction> RequestLinks(StartedRequest started, Uri integrify) =>
    [
        new OpenUrlAction(new Uri(integrify, $"#/section-dashboard/request/{Uri.EscapeDataString(started.InstanceSid)}")) { Title = "Open the request" },
        CardActions.Execute("My requests", RequestVerbs.Page, new RequestListView()),
    ];
}
