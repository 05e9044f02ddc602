using IntegrifyBot.Cards;
using IntegrifyBot.Cards.Model;
using IntegrifyBot.Integrify.Api.Models;
using IntegrifyBot.Routing;

namespace IntegrifyBot.Features.Tasks;

/// <summary>
/// Cards shared into a conversation, from the message extension or an unfurled link. What is posted
/// holds nothing of the person who shared it; Teams redraws it for each viewer (refresh, with no user
/// list: everyone, in conversations of up to 60 people; others press Show) from what the viewer's own
/// Integrify account allows: the task's buttons for the person it is assigned to, the request's status
/// for those who may read it, and "not visible to you" for everyone else.
/// </summary>
public static class SharedCards
{
    private const string ShowTitle = "Show";

    /// <summary>What is posted for a task, before anyone's view replaces it.</summary>
    public static AdaptiveCard Task(string recipientTaskSid, string? instanceSid) =>
        Posted(new SharedCardRef(SharedCardKind.Task, recipientTaskSid, instanceSid), "Integrify task");

    /// <summary>What is posted for a request, before anyone's view replaces it.</summary>
    public static AdaptiveCard Request(string instanceSid) =>
        Posted(new SharedCardRef(SharedCardKind.Request, instanceSid), "Integrify request");

    /// <summary>
    /// The view of the person the task is assigned to: the task, its request's status when known, and
    /// its buttons, which answer with this card again.
    /// </summary>
    public static AdaptiveCard Assignee(ActionableTask mine, RequestDetails? request, SharedCardRef card, BotRequest viewer, Uri integrify, DateTimeOffset now, CardNotice? notice)
    {
        ArgumentNullException.ThrowIfNull(mine);
        ArgumentNullException.ThrowIfNull(card);
        var task = mine.Task;
        var body = CardParts.Header(CardText.Escape(task.TaskName ?? "Task", 150), notice, TextSize.Medium);
        body.Add(new TextBlock("Assigned to you") { Color = TextColor.Accent, Weight = TextWeight.Bolder, Spacing = Spacing.None });
        var facts = TaskCards.Facts(task, viewer, now);
        if (request is not null)
        {
            facts.Add(new Fact("Status", CardText.Escape(request.Status, 40)));
        }

        body.Add(new FactSet(facts));
        if (!string.IsNullOrWhiteSpace(mine.Approval?.Instructions))
        {
            body.Add(new TextBlock(CardText.Escape(mine.Approval.Instructions, 1000)) { Spacing = Spacing.Medium });
        }

        var actions = TaskCards.Acting(task, mine.Approval, new TaskListView(), integrify, card);
        if (TaskCards.DecisionComment(actions) is { } comment)
        {
            body.Add(comment);
        }

        return new AdaptiveCard
        {
            FallbackText = $"{task.TaskName} on request #{task.InstanceId}.",
            Body = body,
            Actions = actions,
            Refresh = RefreshOf(card),
        };
    }

    /// <summary>
    /// The view of someone who may read the request but has nothing to do on it: where it stands and
    /// whom it waits on, without buttons.
    /// </summary>
    /// <param name="requestPage">The request's page in Integrify.</param>
    public static AdaptiveCard Status(RequestDetails request, SharedCardRef card, BotRequest viewer, Uri requestPage, CardNotice? notice)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(viewer);
        var body = CardParts.Header($"#{request.Id} · {CardText.Escape(request.Name, 120)}", notice, TextSize.Medium);
        var facts = new List<Fact>
        {
            new("Process", CardText.Escape(request.ProcessName, 80)),
            new("Status", CardText.Escape(request.Status, 40)),
        };
        var current = request.OpenTasks.Take(3).Select(task => $"{CardText.Escape(task.TaskName, 60)} ({CardText.Escape(task.AssignedTo ?? "someone", 60)})").ToList();
        if (current.Count > 0)
        {
            facts.Add(new Fact("Current step", string.Join(", ", current) + (request.OpenTasks.Count > current.Count ? ", …" : string.Empty)));
        }

        if (!string.IsNullOrWhiteSpace(request.LastMilestone))
        {
            var when = request.LastMilestoneDate is { } date ? $" ({CardDates.Format(date, viewer.Locale, viewer.TimeZone)})" : string.Empty;
            facts.Add(new Fact("Last milestone", CardText.Escape(request.LastMilestone, 100) + when));
        }

        body.Add(new FactSet(facts));
        // Said to someone looking at a task that is not theirs; the person who just completed it reads
        // what they did in the notice instead.
        if (card.Kind == SharedCardKind.Task && notice is null)
        {
            body.Add(new TextBlock("This task is not open for you.") { IsSubtle = true, Spacing = Spacing.Medium });
        }

        return new AdaptiveCard
        {
            FallbackText = $"Request #{request.Id}: {request.Status}.",
            Body = body,
            Actions = [new OpenUrlAction(requestPage) { Title = "Open in Integrify" }],
            Refresh = RefreshOf(card),
        };
    }

    /// <summary>The view of someone whose Integrify account may not read what was shared: nothing of it.</summary>
    public static AdaptiveCard NotVisible(SharedCardRef card) => Line(
        card,
        $"This Integrify {What(card)} is not visible to you.",
        $"Not visible to you: your Integrify account can't see this {What(card)}. Ask the person who shared it for access.");

    /// <summary>The view of someone who has not linked their Integrify account: how to, and nothing of what was shared.</summary>
    public static AdaptiveCard NotLinked(SharedCardRef card) => Line(
        card,
        $"Link your Integrify account to see this {What(card)}.",
        $"Link your Integrify account to see this {What(card)} as your account allows.",
        CardActions.Execute("Sign in", RunCommandData.Verb, new RunCommandData("sign in"), ActionStyle.Positive));

    /// <summary>How Teams asks for a viewer's view of the card: for everyone who sees it (no user list).</summary>
    public static CardRefresh RefreshOf(SharedCardRef card) => new(Show(card, ShowTitle));

    /// <summary>A button that draws the viewer's view of the shared card again.</summary>
    public static ExecuteAction Show(SharedCardRef card, string title)
    {
        ArgumentNullException.ThrowIfNull(card);
        return CardActions.Execute(title, VerbOf(card), DataOf(card));
    }

    private static AdaptiveCard Posted(SharedCardRef card, string title) => new()
    {
        FallbackText = $"An {title}: open it in Teams to see it as your Integrify account allows.",
        Body =
        [
            CardParts.Heading(title, TextSize.Medium),
            new TextBlock("Each person sees this card as their own Integrify account allows. Press Show if it doesn't appear.") { IsSubtle = true },
        ],
        Actions = [Show(card, ShowTitle)],
        Refresh = RefreshOf(card),
    };

    /// <summary>A view that says one thing about the card and shows nothing of it; it is drawn again as the card is.</summary>
    private static AdaptiveCard Line(SharedCardRef card, string fallback, string line, CardAction? first = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new AdaptiveCard
        {
            FallbackText = fallback,
            Body = [CardParts.Heading($"Integrify {What(card)}", TextSize.Medium), new TextBlock(line)],
            Actions = first is null ? [Show(card, ShowTitle)] : [first, Show(card, ShowTitle)],
            Refresh = RefreshOf(card),
        };
    }

    private static string What(SharedCardRef card) => card.Kind == SharedCardKind.Request ? "request" : "task";

    private static string VerbOf(SharedCardRef card) => card.Kind == SharedCardKind.Request ? SharedVerbs.Request : SharedVerbs.Task;

    private static System.Text.Json.Nodes.JsonObject DataOf(SharedCardRef card) => card.Kind == SharedCardKind.Request
        ? Cards.Json.CardJson.ToJsonObject(new SharedRequestData(card.Sid))
        : Cards.Json.CardJson.ToJsonObject(new SharedTaskData(card.Sid, card.InstanceSid));
}
