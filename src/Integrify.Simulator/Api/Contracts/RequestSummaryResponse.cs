namespace Integrify.Simulator.Api.Contracts;

/// <summary>R4. Outcome and completion date come on top of the contract.</summary>
internal sealed record RequestSummaryResponse(
    string Sid,
    long Id,
    string Name,
    string ProcessName,
    string Status,
    string? LastMilestone,
    DateTimeOffset? LastMilestoneDate,
    DateTimeOffset CreatedDate,
    string? Outcome,
    DateTimeOffset? CompletedDate);
