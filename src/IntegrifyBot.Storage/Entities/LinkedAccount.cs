using IntegrifyBot.Integrify.Auth;

namespace IntegrifyBot.Storage.Entities;

/// <summary>
/// One Teams user's link to their Integrify account. Every secret column holds Data Protection
/// ciphertext, never the secret itself.
/// </summary>
public sealed class LinkedAccount
{
    public required string TeamsTenantId { get; set; }

    /// <summary>The Teams user's Azure AD object id, or their Teams user id when Teams gives none.</summary>
    public required string UserKey { get; set; }

    /// <summary>The Integrify instance the tokens belong to; a link to another instance is not used.</summary>
    public required string IntegrifyBaseUrl { get; set; }

    public required string IntegrifyTenant { get; set; }

    public required string IntegrifyUserName { get; set; }

    /// <summary>
    /// The username upper-cased (see <see cref="LinkedTeamsUsers.Normalize"/>), indexed: a push from an
    /// Integrify process names a username in whatever case the process has it.
    /// </summary>
    public required string NormalizedIntegrifyUserName { get; set; }

    public LinkMethod Method { get; set; }

    public required string ProtectedJwt { get; set; }

    public string? ProtectedRefreshToken { get; set; }

    public string? ProtectedPersonalApiKey { get; set; }

    public DateTimeOffset? JwtExpiresAt { get; set; }

    /// <summary>Bumped on every write and checked by EF Core, so a write based on a stale read fails.</summary>
    public long Version { get; set; }

    public DateTimeOffset LinkedAt { get; set; }

    /// <summary>When the credential was last saved or renewed (reads do not write, see EfTokenStore).</summary>
    public DateTimeOffset LastUsedAt { get; set; }
}
