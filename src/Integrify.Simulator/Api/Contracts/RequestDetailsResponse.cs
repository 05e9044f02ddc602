using System.Text.Json;

namespace Integrify.Simulator.Api.Contracts;

/// <summary>R3. Requester, outcome, completion date and the start fields come on top of the contract.</summary>
internal sealed record RequestDetailsResponse(
    string Sid,
    long Id,
    string Name,
    string ProcessName,
    string Status,
    string? LastMilestone,
    DateTimeOffset? LastMilestoneDate,
    DateTimeOffset CreatedDate,
    IReadOnlyList<OpenTaskResponse> OpenTasks,
    string Requester,
    string? Outcome,
    DateTimeOffset? CompletedDate,
    IReadOnlyDictionary<string, JsonElement> Fields);
