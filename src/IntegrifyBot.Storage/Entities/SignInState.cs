namespace IntegrifyBot.Storage.Entities;

/// <summary>
/// A sign-in started from a link card and not yet finished. The state travels in the sign-in page's
/// address, so only its hash is kept: a copy of the database cannot be used to open someone's page.
/// Once the page has signed in, the new credential waits here, encrypted, until the same Teams user
/// confirms from Teams (verifyState or the magic code); then the row is deleted.
/// </summary>
public sealed class SignInState
{
    // Times are UTC DateTime, not DateTimeOffset: SQLite can compare only the former in queries, and
    // the expiry is compared in every query.

    /// <summary>SHA-256 of the state, hex.</summary>
    public required string StateHash { get; set; }

    public required string TeamsTenantId { get; set; }

    public required string UserKey { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    /// <summary>The credential the page obtained, encrypted; null until the page's form succeeds.</summary>
    public string? ProtectedCredential { get; set; }

    /// <summary>SHA-256 of the magic code shown on the page, bound to this state; null until then.</summary>
    public string? MagicCodeHash { get; set; }
}
