using System.Collections.Concurrent;
using IntegrifyBot.Integrify.Api;

namespace IntegrifyBot.Integrify.Auth;

/// <summary>
/// A token store in this process's memory, for tests and for bots that keep nothing between starts.
/// Clients that share one instance share its renewal locks, as bot instances share a database.
/// </summary>
/// <param name="turnCredentials">What turns remember, forgotten when a user's credential is written.</param>
public sealed class InMemoryTokenStore(TurnCredentials? turnCredentials = null) : IIntegrifyTokenStore
{
    private readonly ConcurrentDictionary<IntegrifyUser, IntegrifyCredential> credentials = new();
    private readonly ConcurrentDictionary<IntegrifyUser, SemaphoreSlim> renewalLocks = new();

    public Task<IntegrifyCredential?> FindAsync(IntegrifyUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Task.FromResult(credentials.GetValueOrDefault(user));
    }

    public Task SaveAsync(IntegrifyUser user, IntegrifyCredential credential, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(credential);
        turnCredentials?.Forget(user);
        credentials.AddOrUpdate(
            user,
            _ => credential with { Version = 1 },
            (_, existing) => credential with { Version = existing.Version + 1 });
        return Task.CompletedTask;
    }

    public Task RemoveAsync(IntegrifyUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        turnCredentials?.Forget(user);
        credentials.TryRemove(user, out _);
        return Task.CompletedTask;
    }

    public async Task<ICredentialRenewal> BeginRenewalAsync(IntegrifyUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var renewalLock = renewalLocks.GetOrAdd(user, _ => new SemaphoreSlim(1, 1));
        await renewalLock.WaitAsync(cancellationToken);
        return new Renewal(this, user, credentials.GetValueOrDefault(user), renewalLock);
    }

    private sealed class Renewal(InMemoryTokenStore store, IntegrifyUser user, IntegrifyCredential? current, SemaphoreSlim renewalLock) : ICredentialRenewal
    {
        private int released;

        public IntegrifyCredential? Current => current;

        public Task CommitAsync(IntegrifyCredential renewed, CancellationToken cancellationToken) =>
            store.SaveAsync(user, renewed, cancellationToken);

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                renewalLock.Release();
            }

            return ValueTask.CompletedTask;
        }
    }
}
