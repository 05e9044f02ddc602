namespace IntegrifyBot.Integrify.Api.Models;

/// <summary>A3 and A4: a JWT obtained with an API key; there is no refresh token, the key is used again.</summary>
public sealed record ImpersonationToken
{
    public string Token { get; init; } = string.Empty;

    public override string ToString() => "ImpersonationToken { (secret hidden) }";
}
