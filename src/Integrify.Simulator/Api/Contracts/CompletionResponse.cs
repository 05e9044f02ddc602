namespace Integrify.Simulator.Api.Contracts;

/// <summary>T3, T4, T5: where the request went. <c>requestStatus</c> is on top of the contract.</summary>
internal sealed record CompletionResponse(string InstanceSid, IReadOnlyList<NextTaskResponse> NextTasks, string RequestStatus);
