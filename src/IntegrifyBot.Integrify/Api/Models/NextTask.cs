namespace IntegrifyBot.Integrify.Api.Models;

/// <summary>A task the request moved on to, and whether it is the caller's.</summary>
public sealed record NextTask
{
    public string? RecipientTaskSid { get; init; }
    public string? TaskName { get; init; }
    public bool AssignedToMe { get; init; }
}
