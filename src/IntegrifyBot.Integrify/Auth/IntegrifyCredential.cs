namespace IntegrifyBot.Integrify.Auth;

/// <summary>
/// What the bot keeps to act for one user in Integrify. Every secret in it is stored encrypted, and
/// it never holds a password.
/// </summary>
public sealed record IntegrifyCredential
{
    public required string UserName { get; init; }

    public required LinkMethod Method { get; init; }

    public required string Jwt { get; init; }

    /// <summary>When the JWT expires (its "exp"), or null when it could not be read.</summary>
    public DateTimeOffset? JwtExpiresAt { get; init; }

    /// <summary>The single-use refresh token, for <see cref="LinkMethod.Password"/>.</summary>
    public string? RefreshToken { get; init; }

    /// <summary>The user's personal API key, for <see cref="LinkMethod.PersonalApiKey"/>.</summary>
    public string? PersonalApiKey { get; init; }

    /// <summary>Bumped on every save; lets the store refuse a save based on an outdated read.</summary>
    public long Version { get; init; }

    public DateTimeOffset LinkedAt { get; init; }

    public bool IsFresh(DateTimeOffset now, TimeSpan margin) => JwtExpiresAt is null || JwtExpiresAt.Value - margin > now;

    // Records print every property; this one must never print a token or key.
    public override string ToString() => $"IntegrifyCredential {{ UserName = {UserName}, Method = {Method}, Version = {Version} }}";
}
