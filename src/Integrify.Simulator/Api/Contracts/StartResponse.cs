namespace Integrify.Simulator.Api.Contracts;

internal sealed record StartResponse(string InstanceSid, long InstanceId, IReadOnlyList<NextTaskResponse> NextTasks);
