using IntegrifyBot.Integrify.Auth;

namespace IntegrifyBot.Features.Linking;

/// <summary>How an attempt to sign in to Integrify ended, for the card and the sign-in page alike.</summary>
public abstract record LinkAttempt
{
    /// <summary>Integrify accepted; the credential is not stored yet.</summary>
    public sealed record Accepted(IntegrifyCredential Credential) : LinkAttempt;

    /// <summary>Integrify refused what was typed. <paramref name="Explanation"/> is Integrify's own words, when it gave any.</summary>
    public sealed record Refused(string? Explanation) : LinkAttempt;

    /// <summary>Too many refused sign-ins lately; nothing was sent to Integrify.</summary>
    public sealed record Throttled(DateTimeOffset Until) : LinkAttempt;

    /// <summary>Integrify did not answer; nothing was stored and nothing counts against the user.</summary>
    public sealed record Unavailable : LinkAttempt;
}
