namespace IntegrifyBot.Integrify.Api.Models;

/// <summary>R2: the request just started and its first tasks.</summary>
public sealed record StartedRequest
{
    public string InstanceSid { get; init; } = string.Empty;
    public long? InstanceId { get; init; }
    public IReadOnlyList<NextTask> NextTasks { get; init; } = [];
}
