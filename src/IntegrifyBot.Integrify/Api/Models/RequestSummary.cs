namespace IntegrifyBot.Integrify.Api.Models;

/// <summary>R4: one of the user's requests.</summary>
public record RequestSummary
{
    public string Sid { get; init; } = string.Empty;
    public long? Id { get; init; }
    public string? Name { get; init; }
    public string? ProcessName { get; init; }

    /// <summary>Started, Completed or Canceled (the legacy API calls it "state").</summary>
    public string? Status { get; init; }
    public string? LastMilestone { get; init; }
    public DateTimeOffset? LastMilestoneDate { get; init; }
    public DateTimeOffset? CreatedDate { get; init; }
}
