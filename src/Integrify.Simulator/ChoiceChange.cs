namespace Integrify.Simulator;

/// <summary>
/// The body of <c>PUT /_sim/tasks/{sid}/choices</c>: what an open approval offers from now on, as when an
/// administrator edits its process. A value the approval already had keeps what it does to the request;
/// a new one ends the request with its label as the outcome.
/// </summary>
public sealed record ChoiceChange(IReadOnlyList<OfferedChoice?>? Choices);

/// <param name="CommentRequired">Null keeps what the approval already asked of this value (no comment for a new one).</param>
public sealed record OfferedChoice(string? Value, string? Label, bool? CommentRequired);
