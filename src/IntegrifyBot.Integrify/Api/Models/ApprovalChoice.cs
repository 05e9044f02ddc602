namespace IntegrifyBot.Integrify.Api.Models;

/// <summary>T2: one button an approval offers, such as Approve or Request changes.</summary>
public sealed record ApprovalChoice
{
    public string Value { get; init; } = string.Empty;
    public string? Label { get; init; }
}
