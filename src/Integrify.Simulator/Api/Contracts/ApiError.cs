namespace Integrify.Simulator.Api.Contracts;

/// <summary>Integrify's error shape: <c>{"status":403,"message":"Forbidden","description":"..."}</c>.</summary>
internal sealed record ApiError(int Status, string Message, string? Description);
