namespace IntegrifyBot.Integrify.Api.Models;

/// <summary>R3: a task still open in a request, and who holds it (field names inferred).</summary>
public sealed record OpenTask
{
    public string? RecipientTaskSid { get; init; }
    public string? TaskName { get; init; }
    public string? TaskType { get; init; }
    public string? AssignedTo { get; init; }
    public DateTimeOffset? DueDate { get; init; }
}
