namespace Integrify.Simulator.Api.Contracts;

internal sealed record LoginBody(string? Username, string? Password)
{
    public override string ToString() => $"LoginBody {{ Username = {Username} }}";
}
