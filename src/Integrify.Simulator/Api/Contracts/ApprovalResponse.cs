namespace Integrify.Simulator.Api.Contracts;

/// <summary>T2. The task and request names come on top of the contract's fields, for showing the approval.</summary>
internal sealed record ApprovalResponse(
    IReadOnlyList<ChoiceResponse> Choices,
    IReadOnlyList<string> CommentRequiredFor,
    string Instructions,
    bool Completed,
    string? CompletedBy,
    DateTimeOffset? CompletedDate,
    string? Outcome,
    string TaskName,
    string RequestName,
    string InstanceSid,
    long InstanceId);
