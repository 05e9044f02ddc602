using System.Text.Json.Serialization;

namespace IntegrifyBot.Integrify.Api.Models;

/// <summary>A1 and A2: a JWT and the single-use refresh token that renews it.</summary>
public sealed record TokenPair
{
    public string Token { get; init; } = string.Empty;

    [JsonPropertyName("refreshtoken")]
    public string? RefreshToken { get; init; }

    public override string ToString() => "TokenPair { (secrets hidden) }";
}
