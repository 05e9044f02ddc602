using IntegrifyBot.Cards;
using IntegrifyBot.Cards.Model;
using IntegrifyBot.Integrify.Api.Models;
using IntegrifyBot.Routing;

namespace IntegrifyBot.Features.Tasks;

/// <summary>Handing a task to a colleague: the people search, whom it found, and what was done.</summary>
public static class ReassignCards
{
    /// <summary>What the person typed to find a colleague: part of a name, or of an email address.</summary>
    public const string ColleagueInput = "colleague";

    /// <summary>The colleague picked among those found.</summary>
    public const string ContactInput = "contactSid";

    /// <summary>A comment added to the request with the reassignment (T8).</summary>
    public const string CommentInput = "reassignComment";

    public const int MaxColleagueLength = 100;

    /// <summary>As many people as a card lists comfortably; typing more narrows a longer list.</summary>
    public const int MaxPeopleShown = 10;

    /// <summary>
    /// The people search for a task. No input is marked required, so that Find works whatever is
    /// picked: the bot says what is missing instead.
    /// </summary>
    /// <param name="typed">What was searched for, or null before the first search.</param>
    /// <param name="found">Whom the search found (at most <see cref="MaxPeopleShown"/>), or null before the first search.</param>
    /// <param name="total">How many the directory holds for the search.</param>
    public static AdaptiveCard Search(TaskItem task, TaskListView view, string? typed, IReadOnlyList<DirectoryUser>? found, int total, CardNotice? notice = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(view);
        var body = CardParts.Header($"Reassign: {CardText.Escape(task.TaskName ?? "Task", 150)}", notice, TextSize.Medium);
        body.Add(RequestLine(task));
        body.Add(new TextInput(ColleagueInput)
        {
            Label = "Colleague's name or email",
            Placeholder = "Part of a name, or an email address",
            Value = typed,
            MaxLength = MaxColleagueLength,
        });

        var actions = new List<CardAction> { CardActions.Execute("Find", TaskVerbs.Reassign, new ReassignTaskData(task.RecipientTaskSid, view.Search, view.Start)) };
        if (found is not null && typed is not null)
        {
            if (found.Count == 0)
            {
                body.Add(new TextBlock($"Nobody found for “{CardText.Escape(typed, MaxColleagueLength)}”. Try part of the first or last name, or the email address."));
            }
            else
            {
                body.Add(new ChoiceSetInput(ContactInput, [.. found.Select(person => new Choice(Described(person), person.Sid))])
                {
                    Label = total > found.Count ? $"The first {found.Count} of {total} found (type more to narrow them): hand the task to" : "Hand the task to",
                    Style = ChoiceInputStyle.Expanded,
                    Value = found.Count == 1 ? found[0].Sid : null,
                    Wrap = true,
                });
                body.Add(new TextInput(CommentInput) { Label = "Comment for the request (optional)", IsMultiline = true, MaxLength = TaskCards.MaxCommentLength });
                actions.Add(CardActions.Execute("Reassign", TaskVerbs.ReassignTo, new ReassignToData(task.RecipientTaskSid, typed, view.Search, view.Start), ActionStyle.Positive));
            }
        }

        actions.Add(CardActions.Execute("Back to the task", TaskVerbs.Open, new OpenTaskData(task.RecipientTaskSid, view.Search, view.Start)));
        return new AdaptiveCard
        {
            FallbackText = $"Reassign {task.TaskName} on request #{task.InstanceId}.",
            Body = body,
            Actions = actions,
        };
    }

    /// <summary>What was done: to whom and when the task went, and the way back to the list.</summary>
    public static AdaptiveCard Reassigned(TaskItem task, string colleague, DateTimeOffset at, string? comment, TaskListView view, BotRequest turn)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(turn);
        var said = comment is null ? string.Empty : $" with the comment “{CardText.Escape(comment, 200)}”";
        var done = $"reassigned {TaskCards.Name(task.InstanceId)} to **{CardText.Escape(colleague, 100)}** at {CardDates.Format(at, turn.Locale, turn.TimeZone)}";
        var body = CardParts.Header(CardText.Escape(task.TaskName ?? "Task", 150), new CardNotice($"You {done}{said}.", IsProblem: false), TextSize.Medium);
        body.Add(RequestLine(task));
        body.Add(new TextBlock("It is no longer among your tasks.") { Spacing = Spacing.Medium });
        return new AdaptiveCard
        {
            FallbackText = $"You {done}.",
            Body = body,
            Actions = [CardActions.Execute("Back to my tasks", TaskVerbs.Page, view)],
        };
    }

    /// <summary>A task that is not the user's any more (completed, withdrawn or handed on meanwhile).</summary>
    public static AdaptiveCard NoLongerOpen(TaskListView view) => NotReassigned("That task is no longer open for you, so it was not reassigned.", view);

    /// <summary>A task whose process does not let its assignee hand it on, as Integrify says (T1).</summary>
    public static AdaptiveCard NotAllowed(TaskListView view) => NotReassigned("Integrify does not allow this task to be reassigned: its process keeps it with you.", view);

    private static AdaptiveCard NotReassigned(string why, TaskListView view) => new()
    {
        FallbackText = why,
        Body = CardParts.Header("Reassign a task", new CardNotice(why, IsProblem: true), TextSize.Medium),
        Actions = [CardActions.Execute("Back to my tasks", TaskVerbs.Page, view)],
    };

    /// <summary>The task's request under its heading: number and name.</summary>
    private static TextBlock RequestLine(TaskItem task) =>
        new($"#{task.InstanceId} · {CardText.Escape(task.RequestName ?? string.Empty, 150)}") { IsSubtle = true, Spacing = Spacing.None };

    /// <summary>A person as the list shows them: name, then what tells namesakes apart.</summary>
    public static string Described(DirectoryUser person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var parts = new[] { NameOf(person), person.Title, person.Email }.Where(part => !string.IsNullOrWhiteSpace(part));
        return CardText.Truncate(string.Join(" · ", parts), 150);
    }

    public static string NameOf(DirectoryUser person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var name = $"{person.NameFirst} {person.NameLast}".Trim();
        return name.Length > 0 ? name : person.UserName ?? person.Email ?? "A colleague";
    }
}
