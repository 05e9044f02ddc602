namespace IntegrifyBot.Integrify.Api.Models;

/// <summary>T7: a comment on a request.</summary>
public sealed record RequestComment
{
    public string? Comment { get; init; }
    public string? Author { get; init; }
    public DateTimeOffset? Date { get; init; }
}
