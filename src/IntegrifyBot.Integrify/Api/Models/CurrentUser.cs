namespace IntegrifyBot.Integrify.Api.Models;

/// <summary>U1: who the token belongs to.</summary>
public sealed record CurrentUser
{
    public string? Sid { get; init; }
    public string? UserName { get; init; }
    public string? Email { get; init; }
    public string? NameFirst { get; init; }
    public string? NameLast { get; init; }
    public string? Timezone { get; init; }
    public string? Locale { get; init; }
}
