using IntegrifyBot.Integrify.Api.Models;

namespace IntegrifyBot.Features.Tasks;

/// <summary>
/// What an approval's choice means, whatever a process calls it: one process offers Approve and
/// Reject, another Approved and Deny. Deciding several tasks at once applies one meaning, and each
/// task gets its own choice of that meaning; a choice of no known meaning stands for itself (its
/// value), so only tasks offering that very choice share it.
/// </summary>
/// <param name="Key">What the card carries: a known meaning's name, or the choice's own value.</param>
/// <param name="Name">How the meaning reads on a button ("Approve").</param>
public sealed record ChoiceMeaning(string Key, string Name)
{
    public static readonly ChoiceMeaning Approve = new("approve", "Approve");
    public static readonly ChoiceMeaning Reject = new("reject", "Reject");
    public static readonly ChoiceMeaning SendBack = new("sendBack", "Request changes");

    private static readonly ChoiceMeaning[] Known = [Approve, Reject, SendBack];

    /// <summary>The words of each known meaning, compared with a choice's value and label alike.</summary>
    private static readonly Dictionary<string, ChoiceMeaning> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["approve"] = Approve,
        ["approved"] = Approve,
        ["accept"] = Approve,
        ["accepted"] = Approve,
        ["agree"] = Approve,
        ["yes"] = Approve,
        ["reject"] = Reject,
        ["rejected"] = Reject,
        ["deny"] = Reject,
        ["denied"] = Reject,
        ["decline"] = Reject,
        ["declined"] = Reject,
        ["refuse"] = Reject,
        ["no"] = Reject,
        ["request changes"] = SendBack,
        ["changes requested"] = SendBack,
        ["send back"] = SendBack,
        ["return"] = SendBack,
        ["rework"] = SendBack,
        ["revise"] = SendBack,
    };

    /// <summary>Whether this is one of the meanings known by their words, rather than a process's own choice.</summary>
    public bool IsKnown => Known.Contains(this);

    /// <summary>The meaning of a choice: known by its value or its label, or else the choice itself.</summary>
    public static ChoiceMeaning Of(ApprovalChoice choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        return Words.GetValueOrDefault(choice.Value.Trim())
            ?? (choice.Label is { } label ? Words.GetValueOrDefault(label.Trim()) : null)
            ?? new ChoiceMeaning(choice.Value, string.IsNullOrWhiteSpace(choice.Label) ? choice.Value : choice.Label.Trim());
    }

    /// <summary>The meaning a card carried, or null when it names none a choice could have.</summary>
    public static ChoiceMeaning? FromKey(string? key) =>
        string.IsNullOrWhiteSpace(key) ? null : Known.FirstOrDefault(meaning => meaning.Key == key) ?? new ChoiceMeaning(key, key);

    /// <summary>The choice of this meaning an approval offers now, or null.</summary>
    public ApprovalChoice? FindIn(ApprovalDetails approval)
    {
        ArgumentNullException.ThrowIfNull(approval);
        return approval.Choices.FirstOrDefault(choice => Of(choice).Key == Key && choice.Value.Length is > 0 and <= TaskCards.MaxChoiceLength);
    }

    /// <summary>Whether Integrify asks for a comment with this meaning's choice on the approval.</summary>
    public bool NeedsComment(ApprovalDetails approval) =>
        FindIn(approval) is { } choice && approval.CommentRequiredFor.Contains(choice.Value, StringComparer.Ordinal);
}
