using System.Text.Json.Serialization;

namespace Integrify.Simulator.Api.Contracts;

internal sealed record RefreshBody([property: JsonPropertyName("refreshtoken")] string? RefreshToken)
{
    public override string ToString() => "RefreshBody { (secret hidden) }";
}
