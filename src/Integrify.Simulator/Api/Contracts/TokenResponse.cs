namespace Integrify.Simulator.Api.Contracts;

internal sealed record TokenResponse(string Token)
{
    public override string ToString() => "TokenResponse { (secret hidden) }";
}
