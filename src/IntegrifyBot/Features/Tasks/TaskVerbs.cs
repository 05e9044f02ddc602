using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using IntegrifyBot.Cards;
using IntegrifyBot.Routing;

namespace IntegrifyBot.Features.Tasks;

/// <summary>The card verbs of the task list and the names of the inputs they read.</summary>
public static class TaskVerbs
{
    public const string Page = "tasks.page";
    public const string Approve = "task.approve";
    public const string Complete = "task.complete";
    public const string Open = "task.open";
    public const string AddComment = "task.comment";
    public const string Reassign = "task.reassign";
    public const string ReassignTo = "task.reassignTo";
    public const string Several = "tasks.several";
    public const string DecideSeveral = "tasks.decideSeveral";

    /// <summary>The comment sent with an approval choice (T3).</summary>
    public const string CommentInput = "comment";

    /// <summary>The tasks ticked to decide at once: their recipientTaskSids, joined with commas by Teams.</summary>
    public const string PickedInput = "picked";

    /// <summary>A comment added to the request on its own (T8).</summary>
    public const string NewCommentInput = "newComment";
}

/// <summary>Which page of the list, for which search: what a list card needs to be drawn again.</summary>
public sealed record TaskListView([property: MaxLength(CardLimits.MaxSearchLength), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Search = null, [property: Range(0, 10_000)] int Start = 0);

/// <summary>
/// An approval button. The request number is only shown back to the user; what is done is decided
/// by Integrify (T2) when the button is pressed, never by what the card carried. Every button of a
/// list carries its data twice (Action.Execute and its Action.Submit fallback), so it stays small.
/// </summary>
public sealed record ApproveTaskData(
    [property: Required, MaxLength(64)] string RecipientTaskSid,
    [property: Required, MaxLength(TaskCards.MaxChoiceLength)] string Choice,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? InstanceId = null,
    [property: MaxLength(CardLimits.MaxSearchLength), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Search = null,
    [property: Range(0, 10_000)] int Start = 0,
    [property: MaxLength(TaskCards.MaxCommentLength), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Comment = null,
    [property: ValidatedObject, JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SharedCardRef? Shared = null);

/// <summary>A Complete button of an open-URL or milestone task.</summary>
public sealed record CompleteTaskData(
    [property: Required, MaxLength(64)] string RecipientTaskSid,
    [property: Required] CompletableTaskType TaskType,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? InstanceId = null,
    [property: MaxLength(CardLimits.MaxSearchLength), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Search = null,
    [property: Range(0, 10_000)] int Start = 0,
    [property: ValidatedObject, JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SharedCardRef? Shared = null);

/// <summary>A task's detail view, and where to go back to.</summary>
public sealed record OpenTaskData(
    [property: Required, MaxLength(64)] string RecipientTaskSid,
    [property: MaxLength(CardLimits.MaxSearchLength), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Search = null,
    [property: Range(0, 10_000)] int Start = 0);

/// <summary>A comment to add to the task's request; the request is found from the task, not taken from the card.</summary>
public sealed record AddCommentData(
    [property: Required, MaxLength(64)] string RecipientTaskSid,
    [property: MaxLength(CardLimits.MaxSearchLength), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Search = null,
    [property: Range(0, 10_000)] int Start = 0,
    [property: MaxLength(TaskCards.MaxCommentLength)] string? NewComment = null);

/// <summary>
/// Reassign on a task: the people search, empty at first, then with what was typed
/// (<see cref="ReassignCards.ColleagueInput"/>) to find colleagues by name or email (U2).
/// </summary>
public sealed record ReassignTaskData(
    [property: Required, MaxLength(64)] string RecipientTaskSid,
    [property: MaxLength(CardLimits.MaxSearchLength), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Search = null,
    [property: Range(0, 10_000)] int Start = 0,
    [property: MaxLength(ReassignCards.MaxColleagueLength), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Colleague = null);

/// <summary>
/// The reassignment confirmed: the colleague picked among those found for <see cref="Colleague"/>.
/// The pick is looked up again with that search, so only someone Integrify's directory offers is
/// ever handed the task, whatever the card carried.
/// </summary>
public sealed record ReassignToData(
    [property: Required, MaxLength(64)] string RecipientTaskSid,
    [property: Required, MaxLength(ReassignCards.MaxColleagueLength)] string Colleague,
    [property: MaxLength(CardLimits.MaxSearchLength), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Search = null,
    [property: Range(0, 10_000)] int Start = 0,
    [property: MaxLength(64), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ContactSid = null,
    [property: MaxLength(TaskCards.MaxCommentLength), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ReassignComment = null);

/// <summary>
/// Deciding several approvals at once: the checklist of the user's open approvals that offer a choice
/// of this meaning (<see cref="ChoiceMeaning.Key"/>), for the list's search.
/// </summary>
public sealed record SeveralTasksData(
    [property: Required, MaxLength(TaskCards.MaxChoiceLength)] string Meaning,
    [property: MaxLength(CardLimits.MaxSearchLength), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Search = null,
    [property: Range(0, 10_000)] int Start = 0);

/// <summary>
/// The ticked tasks (<see cref="TaskVerbs.PickedInput"/>) and one comment for all: each task is
/// checked with Integrify (T2) and completed with its own choice of the meaning. Only tasks the
/// checklist offered can be ticked; what the card says of them only names them on the result.
/// </summary>
public sealed record DecideSeveralData(
    [property: Required, MaxLength(TaskCards.MaxChoiceLength)] string Meaning,
    [property: Required, MaxLength(SeveralCards.MaxTasks), ValidatedObject] IReadOnlyList<OfferedTask> Offered,
    [property: MaxLength(CardLimits.MaxSearchLength), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Search = null,
    [property: Range(0, 10_000)] int Start = 0,
    [property: MaxLength(SeveralCards.MaxPickedLength), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Picked = null,
    [property: MaxLength(TaskCards.MaxCommentLength), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Comment = null);

/// <summary>A task on the checklist of several: which task, and how the result names it (its request's name).</summary>
public sealed record OfferedTask(
    [property: Required, MaxLength(64)] string Sid,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? InstanceId = null,
    [property: MaxLength(SeveralCards.MaxNameLength), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name = null);

/// <summary>The task types the bot completes in a card without a form (T4, T5).</summary>
public enum CompletableTaskType
{
    OpenUrl,
    Milestone,
}
