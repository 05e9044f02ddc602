namespace IntegrifyBot.Integrify.Api.Models;

/// <summary>R3: a request with its open tasks.</summary>
public sealed record RequestDetails
{
    public string Sid { get; init; } = string.Empty;
    public long? Id { get; init; }
    public string? Name { get; init; }
    public string? ProcessName { get; init; }
    public string? Status { get; init; }
    public string? LastMilestone { get; init; }
    public DateTimeOffset? LastMilestoneDate { get; init; }
    public DateTimeOffset? CreatedDate { get; init; }
    public IReadOnlyList<OpenTask> OpenTasks { get; init; } = [];
}
