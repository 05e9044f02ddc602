namespace Integrify.Simulator.Api.Contracts;

internal sealed record CommentBody(string? InstanceSid, string? Comment);
