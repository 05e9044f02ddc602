namespace IntegrifyBot.Integrify.Api.Models;

/// <summary>R3: a request as R4 lists it, with its open tasks and who holds them.</summary>
public sealed record RequestDetails : RequestSummary
{
    public IReadOnlyList<OpenTask> OpenTasks { get; init; } = [];
}
