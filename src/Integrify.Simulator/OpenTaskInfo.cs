namespace Integrify.Simulator;

/// <summary>One of a user's open tasks, as tests and demos need to find it.</summary>
public sealed record OpenTaskInfo(
    string RecipientTaskSid,
    string TaskName,
    string TaskType,
    string InstanceSid,
    long InstanceId,
    string RequestName,
    string ProcessName,
    DateTimeOffset? DueDate);
