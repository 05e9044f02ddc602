namespace IntegrifyBot.TestInfrastructure;

/// <summary>A task announced to one of a <see cref="CrowdBot"/>'s people: their chat, and the task's request number.</summary>
public sealed record CrowdTask(string ConversationId, long InstanceId);
