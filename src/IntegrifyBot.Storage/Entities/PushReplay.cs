namespace IntegrifyBot.Storage.Entities;

/// <summary>
/// A signed push from Integrify already taken: the same signature again is a replay. Kept as long as
/// a push's timestamp is accepted, then purged.
/// </summary>
public sealed class PushReplay
{
    /// <summary>SHA-256 of the signature, hex.</summary>
    public required string SignatureHash { get; set; }

    public DateTime ExpiresAt { get; set; }
}
