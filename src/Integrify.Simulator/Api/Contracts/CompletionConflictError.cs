namespace Integrify.Simulator.Api.Contracts;

/// <summary>The 409 for a task that was already completed: the error shape plus who completed it and when.</summary>
internal sealed record CompletionConflictError(int Status, string Message, string? Description, string? CompletedBy, DateTimeOffset? CompletedDate);
