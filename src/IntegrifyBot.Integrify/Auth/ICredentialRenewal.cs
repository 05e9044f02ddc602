namespace IntegrifyBot.Integrify.Auth;

/// <summary>A held renewal lock for one user; see <see cref="IIntegrifyTokenStore.BeginRenewalAsync"/>.</summary>
public interface ICredentialRenewal : IAsyncDisposable
{
    /// <summary>The credential as stored when the lock was taken; null when the user is not linked.</summary>
    IntegrifyCredential? Current { get; }

    /// <summary>Saves the renewed credential before the lock is released and before anyone uses it.</summary>
    Task CommitAsync(IntegrifyCredential renewed, CancellationToken cancellationToken);
}
