namespace IntegrifyBot.Integrify.Api.Models;

/// <summary>T1, R4 and U2: one page of a list and the total number of items.</summary>
public sealed record PagedList<T>
{
    public int Total { get; init; }
    public IReadOnlyList<T> Items { get; init; } = [];
}
