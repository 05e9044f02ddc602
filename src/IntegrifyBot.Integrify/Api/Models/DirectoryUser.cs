namespace IntegrifyBot.Integrify.Api.Models;

/// <summary>U2: a person of the instance, whose <see cref="Sid"/> is the contactSid a task is reassigned to (T6).</summary>
public sealed record DirectoryUser
{
    public string Sid { get; init; } = string.Empty;
    public string? UserName { get; init; }
    public string? Email { get; init; }
    public string? NameFirst { get; init; }
    public string? NameLast { get; init; }
    public string? Title { get; init; }
    public string? Department { get; init; }
}
