namespace Integrify.Simulator.Api.Contracts;

/// <summary>R3: an open task of a request and who holds it (full name, and user name).</summary>
internal sealed record OpenTaskResponse(
    string RecipientTaskSid,
    string TaskName,
    string TaskType,
    string AssignedTo,
    string AssignedToUserName,
    DateTimeOffset? DueDate);
