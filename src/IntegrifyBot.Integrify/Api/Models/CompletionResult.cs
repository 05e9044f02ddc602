namespace IntegrifyBot.Integrify.Api.Models;

/// <summary>T3 and R2: what happens next in the request.</summary>
public sealed record CompletionResult
{
    public string? InstanceSid { get; init; }
    public IReadOnlyList<NextTask> NextTasks { get; init; } = [];
}
