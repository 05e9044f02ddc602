namespace Integrify.Simulator;

/// <summary>How many of a user's JWTs and refresh tokens were made invalid.</summary>
public sealed record TokenRevocation(string UserName, int Tokens, int RefreshTokens);
