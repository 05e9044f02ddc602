namespace Integrify.Simulator.Api.Contracts;

internal sealed record NextTaskResponse(string RecipientTaskSid, string TaskName, bool AssignedToMe, string AssignedTo);
