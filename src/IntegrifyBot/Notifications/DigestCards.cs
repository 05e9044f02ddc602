using IntegrifyBot.Cards;
using IntegrifyBot.Cards.Model;
using IntegrifyBot.Features.Tasks;
using IntegrifyBot.Routing;

namespace IntegrifyBot.Notifications;

/// <summary>The daily digest: a pure function from the user's due and overdue tasks to the card they get.</summary>
public static class DigestCards
{
    /// <summary>The most tasks a digest lists, each with its buttons; the rest are in the task list.</summary>
    public const int MaxTasks = 10;

    /// <param name="due">The tasks due by the end of the user's day, soonest first, and how many are overdue.</param>
    /// <param name="reader">Whose locale and time zone the dates are shown in.</param>
    /// <param name="now">Now, to tell overdue tasks from those due later today.</param>
    public static AdaptiveCard Daily(DueTasks due, BotRequest reader, Uri integrify, DateTimeOffset now) =>
        TaskCards.FirstThatFits(buttons => Daily(due, reader, integrify, now, buttons));

    private static AdaptiveCard Daily(DueTasks tasks, BotRequest reader, Uri integrify, DateTimeOffset now, RowButtons buttons)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var due = tasks.Page;
        var summary = Summary(tasks.Overdue, due.Total - tasks.Overdue);
        var body = new List<CardElement>
        {
            new TextBlock("Your tasks for today") { Style = TextBlockStyle.Heading, Size = TextSize.Large, Weight = TextWeight.Bolder },
            new TextBlock(due.Total > due.Tasks.Count ? $"{summary} · the {due.Tasks.Count} soonest:" : summary + ".") { IsSubtle = true, Size = TextSize.Small },
        };
        body.AddRange(due.Tasks.Select(task => TaskCards.Row(task, due.Approvals.GetValueOrDefault(task.RecipientTaskSid), due.View, reader, integrify, now, buttons)));
        body.Add(new TextBlock("Your daily digest. Send **notifications** to change its hour or turn it off.") { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.Medium });
        return new AdaptiveCard
        {
            FallbackText = $"Your tasks for today: {summary}.",
            Body = body,
            Actions = [CardActions.Execute("All my tasks", TaskVerbs.Page, new TaskListView())],
        };
    }

    /// <summary>"2 overdue · 3 due today".</summary>
    private static string Summary(int overdue, int dueToday)
    {
        var parts = new List<string>();
        if (overdue > 0)
        {
            parts.Add($"{overdue} overdue");
        }

        if (dueToday > 0)
        {
            parts.Add($"{dueToday} due today");
        }

        return string.Join(" · ", parts);
    }
}
