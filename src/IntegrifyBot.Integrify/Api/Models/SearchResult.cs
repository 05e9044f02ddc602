namespace IntegrifyBot.Integrify.Api.Models;

/// <summary>R1 and P1: a process the user may start, or a report they may run.</summary>
public sealed record SearchResult
{
    public string Sid { get; init; } = string.Empty;
    public string? Name { get; init; }
    public string? Description { get; init; }
    public string? Category { get; init; }
}
