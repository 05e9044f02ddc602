using System.Text.Json.Serialization;

namespace Integrify.Simulator.Api.Contracts;

internal sealed record TokenPairResponse(string Token, [property: JsonPropertyName("refreshtoken")] string RefreshToken)
{
    public override string ToString() => "TokenPairResponse { (secrets hidden) }";
}
