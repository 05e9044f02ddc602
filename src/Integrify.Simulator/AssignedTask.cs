namespace Integrify.Simulator;

/// <summary>The task that <see cref="SimulatorControl.AssignTask"/> created, and its request.</summary>
public sealed record AssignedTask(string RecipientTaskSid, string InstanceSid, long InstanceId, string TaskName, string TaskType, string RequestName);
