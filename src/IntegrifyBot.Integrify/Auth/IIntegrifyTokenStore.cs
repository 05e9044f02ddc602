using IntegrifyBot.Integrify.Api;

namespace IntegrifyBot.Integrify.Auth;

/// <summary>
/// Where users' Integrify credentials live. Several bot instances may share one store, so renewing a
/// token happens inside <see cref="BeginRenewalAsync"/>: one renewal per user at a time across all
/// of them, because a refresh token can be spent only once.
/// </summary>
public interface IIntegrifyTokenStore
{
    Task<IntegrifyCredential?> FindAsync(IntegrifyUser user, CancellationToken cancellationToken);

    /// <summary>Stores a new link, replacing any earlier one of the same user.</summary>
    Task SaveAsync(IntegrifyUser user, IntegrifyCredential credential, CancellationToken cancellationToken);

    Task RemoveAsync(IntegrifyUser user, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the user's renewal lock (shared by every instance using this store) and reads the
    /// credential as it is now. Dispose the renewal to release the lock.
    /// </summary>
    Task<ICredentialRenewal> BeginRenewalAsync(IntegrifyUser user, CancellationToken cancellationToken);
}
