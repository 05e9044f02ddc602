using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace IntegrifyBot.Features.Tasks;

/// <summary>
/// The verbs of cards shared into a conversation (by the message extension or an unfurled link): each
/// viewer's card is drawn by one of them, with that viewer's own Integrify account.
/// </summary>
public static class SharedVerbs
{
    /// <summary>A shared task, as the viewer may see it.</summary>
    public const string Task = "task.shared";

    /// <summary>A shared request, as the viewer may see it.</summary>
    public const string Request = "request.shared";
}

/// <summary>
/// A shared card a task button was pressed on, so that the answer is that card again, with what was
/// done, rather than the clicker's task list.
/// </summary>
/// <param name="Kind">Whether the card shows a task or a request.</param>
/// <param name="Sid">The task's recipientTaskSid or the request's instanceSid.</param>
/// <param name="InstanceSid">For a task, its request, when known.</param>
public sealed record SharedCardRef(
    [property: Required] SharedCardKind? Kind,
    [property: Required, MaxLength(64)] string Sid,
    [property: MaxLength(64), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? InstanceSid = null);

public enum SharedCardKind
{
    Task,
    Request,
}

/// <summary>A shared task's card: the task, and its request for viewers whose task it is not.</summary>
public sealed record SharedTaskData(
    [property: Required, MaxLength(64)] string RecipientTaskSid,
    [property: MaxLength(64), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? InstanceSid = null);

/// <summary>A shared request's card.</summary>
public sealed record SharedRequestData([property: Required, MaxLength(64)] string InstanceSid);
