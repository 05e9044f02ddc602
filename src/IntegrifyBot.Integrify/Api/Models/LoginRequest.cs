namespace IntegrifyBot.Integrify.Api.Models;

/// <summary>A1: a user's Integrify username and password, used once to sign in.</summary>
public sealed record LoginRequest(string Username, string Password)
{
    // The password must never reach a log through a record's generated ToString.
    public override string ToString() => $"LoginRequest {{ Username = {Username} }}";
}
