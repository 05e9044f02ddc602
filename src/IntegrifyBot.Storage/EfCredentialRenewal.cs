using System.Data.Common;
using IntegrifyBot.Integrify.Auth;
using IntegrifyBot.Storage.Entities;

namespace IntegrifyBot.Storage;

/// <summary>
/// A held account lock: the transaction begun by the provider stays open, and the lock with it,
/// until the renewed credential is committed or the renewal is disposed (which rolls back).
/// </summary>
internal sealed class EfCredentialRenewal(
    EfTokenStore store,
    BotDbContext context,
    DbTransaction transaction,
    LinkedAccountKey key,
    LinkedAccount? account,
    IntegrifyCredential? current) : ICredentialRenewal
{
    private bool committed;

    public IntegrifyCredential? Current => current;

    public async Task CommitAsync(IntegrifyCredential renewed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(renewed);
        ObjectDisposedException.ThrowIf(committed, this);
        store.Write(context, key, account, renewed);

        // The version is a concurrency token: a writer that bypassed the lock makes this throw
        // instead of being silently overwritten.
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await context.DisposeAsync();
    }
}
