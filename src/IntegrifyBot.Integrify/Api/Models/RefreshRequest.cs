using System.Text.Json.Serialization;

namespace IntegrifyBot.Integrify.Api.Models;

/// <summary>A2: the refresh token to spend (field name as Integrify's API information page gives it).</summary>
public sealed record RefreshRequest([property: JsonPropertyName("refreshtoken")] string RefreshToken)
{
    public override string ToString() => "RefreshRequest { (secret hidden) }";
}
