namespace Integrify.Simulator.Api.Contracts;

internal sealed record TaskItemResponse(
    string RecipientTaskSid,
    string InstanceTaskSid,
    string TaskName,
    string TaskType,
    string InstanceSid,
    long InstanceId,
    string RequestName,
    string ProcessName,
    DateTimeOffset StartDate,
    DateTimeOffset? DueDate,
    string Priority,
    string Status,
    bool AllowReassign);
