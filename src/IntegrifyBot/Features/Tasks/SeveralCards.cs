using IntegrifyBot.Cards;
using IntegrifyBot.Cards.Model;
using IntegrifyBot.Integrify.Api.Models;
using IntegrifyBot.Routing;

namespace IntegrifyBot.Features.Tasks;

/// <summary>Deciding several approvals at once: the checklist, then each task's outcome.</summary>
public static class SeveralCards
{
    /// <summary>The most tasks one checklist offers: as many as one decision should sweep, and a card holds.</summary>
    public const int MaxTasks = 20;

    /// <summary>How much of a task's name the result card's data carries.</summary>
    public const int MaxNameLength = 80;

    /// <summary>The ticked tasks' ids, joined with commas.</summary>
    public const int MaxPickedLength = MaxTasks * 65;

    /// <summary>
    /// The user's open approvals that offer a choice of <paramref name="meaning"/>, to tick. The comment
    /// box is required when Integrify asked for a comment on some of the ticked tasks.
    /// </summary>
    /// <param name="candidates">The tasks, at most <see cref="MaxTasks"/>, each with whether its choice needs a comment.</param>
    /// <param name="more">Whether more tasks offer it than are listed.</param>
    /// <param name="picked">The tasks ticked before, ticked again; null for none.</param>
    public static AdaptiveCard Checklist(ChoiceMeaning meaning, IReadOnlyList<SeveralCandidate> candidates, bool more, TaskListView view, BotRequest turn, DateTimeOffset now, CardNotice? notice = null, IReadOnlyCollection<string>? picked = null, bool commentRequired = false)
    {
        ArgumentNullException.ThrowIfNull(meaning);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(view);
        var name = CardText.Escape(meaning.Name, 40);
        var body = CardParts.Header($"{name}: several tasks at once", notice, TextSize.Medium);
        var back = CardActions.Execute("Back to my tasks", TaskVerbs.Page, view);
        if (candidates.Count == 0)
        {
            body.Add(new TextBlock($"None of your open approvals{CardParts.Matching(view.Search)} offers {name} now."));
            return new AdaptiveCard { FallbackText = $"No open approvals offer {meaning.Name}.", Body = body, Actions = [back] };
        }

        body.Add(new TextBlock($"Tick the tasks to {name.ToLowerInvariant()}. Each is checked with Integrify first: one completed meanwhile is reported, not decided again."));
        var sids = candidates.Select(candidate => candidate.Task.RecipientTaskSid).ToHashSet(StringComparer.OrdinalIgnoreCase);
        body.Add(new ChoiceSetInput(TaskVerbs.PickedInput, [.. candidates.Select(candidate => new Choice(Title(candidate, turn, now), candidate.Task.RecipientTaskSid))])
        {
            Label = more ? $"The {candidates.Count} due soonest (decide these, then open this again for the rest)" : "Tasks",
            Style = ChoiceInputStyle.Expanded,
            IsMultiSelect = true,
            IsRequired = true,
            ErrorMessage = "Tick at least one task.",
            Value = picked is { Count: > 0 } ? string.Join(',', picked.Where(sids.Contains)) : null,
            Wrap = true,
        });

        var needing = candidates.Count(candidate => candidate.NeedsComment);
        body.Add(new TextInput(TaskVerbs.CommentInput)
        {
            Label = needing == 0 ? "Comment, sent with each (optional)" : $"Comment, sent with each (Integrify asks for one on {needing} of these)",
            IsMultiline = true,
            IsRequired = commentRequired ? true : null,
            ErrorMessage = commentRequired ? "Please write a comment." : null,
            MaxLength = TaskCards.MaxCommentLength,
        });

        // The result names each task by its request, which is what tells a person's approvals apart.
        var offered = candidates.Select(candidate => new OfferedTask(candidate.Task.RecipientTaskSid, candidate.Task.InstanceId, CardText.Truncate(candidate.Task.RequestName ?? candidate.Task.TaskName ?? "Task", MaxNameLength))).ToList();
        return new AdaptiveCard
        {
            FallbackText = $"{candidates.Count} open approvals offer {meaning.Name}.",
            Body = body,
            Actions =
            [
                CardActions.Execute($"{CardText.Truncate(meaning.Name, 30)} the ticked tasks", TaskVerbs.DecideSeveral, new DecideSeveralData(meaning.Key, offered, view.Search, view.Start), meaning == ChoiceMeaning.Approve ? ActionStyle.Positive : null),
                back,
            ],
        };
    }

    /// <summary>
    /// What became of each ticked task; while some are still with Integrify, says so, and that the card
    /// is updated when all are done.
    /// </summary>
    /// <param name="comment">The comment sent with each, or null.</param>
    public static AdaptiveCard Result(ChoiceMeaning meaning, IReadOnlyList<(OfferedTask Task, CardNotice? Outcome)> outcomes, string? comment, TaskListView view)
    {
        ArgumentNullException.ThrowIfNull(meaning);
        ArgumentNullException.ThrowIfNull(outcomes);
        var decided = outcomes.Count(outcome => outcome.Outcome is { Done: not null });
        var pending = outcomes.Count(outcome => outcome.Outcome is null);
        var others = outcomes.Count - decided - pending;
        var summary = pending > 0
            ? $"{outcomes.Count - pending} of {outcomes.Count} done so far. The rest carry on, and this card is updated when all are done."
            : others == 0 ? $"All {outcomes.Count} done." : $"{decided} of {outcomes.Count} done; the others are explained below.";
        var body = CardParts.Header($"{CardText.Escape(meaning.Name, 40)}: several tasks at once", notice: null, TextSize.Medium);
        body.Add(new TextBlock(summary));
        if (comment is not null)
        {
            body.Add(new TextBlock($"With the comment “{CardText.Escape(comment, 200)}”") { IsSubtle = true });
        }

        body.AddRange(outcomes.Select(outcome => new Container(
        [
            new TextBlock($"**{CardText.Escape(outcome.Task.Name ?? "Task", MaxNameLength)}** · {(outcome.Task.InstanceId is { } id ? $"request #{id}" : "request")}"),
            outcome.Outcome is { } said
                ? new TextBlock(said.Text) { Color = said.IsProblem ? TextColor.Attention : TextColor.Good, Spacing = Spacing.None }
                : new TextBlock("With Integrify…") { IsSubtle = true, Spacing = Spacing.None },
        ]) { Separator = true }));

        return new AdaptiveCard
        {
            FallbackText = summary,
            Body = body,
            Actions = [CardActions.Execute("Back to my tasks", TaskVerbs.Page, view)],
        };
    }

    /// <summary>A task as a line of the checklist: plain text, as Teams shows a choice.</summary>
    private static string Title(SeveralCandidate candidate, BotRequest turn, DateTimeOffset now)
    {
        var task = candidate.Task;
        var due = task.DueDate is { } date ? (date < now ? " · overdue" : $" · due {CardDates.Format(date, turn.Locale, turn.TimeZone)}") : string.Empty;
        var comment = candidate.NeedsComment ? " · comment needed" : string.Empty;
        return CardText.Truncate($"#{task.InstanceId} {task.RequestName} · {task.TaskName}{due}{comment}", 160);
    }
}
