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

        // The key decides between instances recording the same signature at once: the insert that
        // comes second is skipped, not failed, so a replay is refused without a database error.
        var recorded = await context.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "PushReplays" ("SignatureHash", "ExpiresAt") VALUES ({SecretHash.Of(signature)}, {expiresAt.UtcDateTime})
            ON CONFLICT ("SignatureHash") DO NOTHING
            """,
            cancellationToken);
        return recorded == 1;
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
