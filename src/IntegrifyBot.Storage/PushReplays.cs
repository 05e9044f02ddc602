using IntegrifyBot.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace IntegrifyBot.Storage;

/// <summary>
/// The signatures of pushes from Integrify already taken (see <see cref="PushReplay"/>), so that a
/// push captured on its way and sent again is refused. Kept in the database, so a push replayed to
/// another bot instance is refused too: the primary key decides, and of two instances recording the
/// same signature at once exactly one succeeds.
/// </summary>
public sealed class PushReplays(IDbContextFactory<BotDbContext> contexts, TimeProvider time)
{
    /// <summary>
    /// Records the signature until <paramref name="expiresAt"/> (when its timestamp stops being
    /// accepted anyway); false when it was already recorded. Expired signatures of everyone are purged.
    /// </summary>
    public async Task<bool> TryRecordAsync(string signature, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(signature);
        var now = time.GetUtcNow().UtcDateTime;
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await context.PushReplays.Where(r => r.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);

        // Looking first spares the database's error log a failed insert for every ordinary replay;
        // the key still decides a race.
        var hash = SecretHash.Of(signature);
        if (await context.PushReplays.AnyAsync(r => r.SignatureHash == hash, cancellationToken))
        {
            return false;
        }

        context.PushReplays.Add(new PushReplay { SignatureHash = hash, ExpiresAt = expiresAt.UtcDateTime });
        try
        {
            await context.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            return false;
        }
    }

    /// <summary>
    /// Forgets a signature recorded for a push that then could not be queued, so that the caller's
    /// retry of the very same request is not taken for a replay.
    /// </summary>
    public async Task ForgetAsync(string signature, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(signature);
        var hash = SecretHash.Of(signature);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await context.PushReplays.Where(r => r.SignatureHash == hash).ExecuteDeleteAsync(cancellationToken);
    }
}
