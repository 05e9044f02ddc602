namespace IntegrifyBot.Integrify.Api.Models;

/// <summary>T2: what an approval offers, and whether (and how) it was already completed.</summary>
public sealed record ApprovalDetails
{
    public IReadOnlyList<ApprovalChoice> Choices { get; init; } = [];

    /// <summary>The choice values that need a comment.</summary>
    public IReadOnlyList<string> CommentRequiredFor { get; init; } = [];
    public string? Instructions { get; init; }
    public bool Completed { get; init; }
    public string? CompletedBy { get; init; }
    public DateTimeOffset? CompletedDate { get; init; }
    public string? Outcome { get; init; }
}
