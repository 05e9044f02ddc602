using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace IntegrifyBot.Storage.Providers;

/// <summary>
/// Everything that differs between database engines, kept behind one small seam so the token store
/// and the model stay provider-neutral.
/// </summary>
public interface IBotDatabaseProvider
{
    /// <summary>Points EF Core at the database (UseSqlite, UseNpgsql).</summary>
    void Configure(DbContextOptionsBuilder builder);

    /// <summary>
    /// A context for this engine. EF Core keeps one set of migrations per context type, so each
    /// engine's context type is the one its migrations belong to (see the Storage README).
    /// </summary>
    BotDbContext CreateContext(DbContextOptions<BotDbContext> options);

    /// <summary>One-off settings of a new or migrated database, applied after the migrations.</summary>
    Task PrepareAsync(BotDbContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Begins a transaction on the context's connection that holds, until it ends, the lock that
    /// orders every writer of one linked account across all processes sharing the database, whether
    /// or not the account's row exists yet. SQLite takes the whole database's write lock (BEGIN
    /// IMMEDIATE); PostgreSQL locks only that account (a transaction-scoped advisory lock).
    /// </summary>
    Task<DbTransaction> BeginAccountLockAsync(BotDbContext context, string teamsTenantId, string userKey, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="BeginAccountLockAsync"/>, and when <paramref name="integrifyUserName"/> is given
    /// (normalized), also the lock of that Integrify username, which orders every Teams user's sign-in
    /// attempts against it. SQLite's write lock covers both; PostgreSQL takes the account's advisory
    /// lock and then the username's, always in that order, so two attempts never wait on each other
    /// in a circle.
    /// </summary>
    Task<DbTransaction> BeginSignInLockAsync(BotDbContext context, string teamsTenantId, string userKey, string? integrifyUserName, CancellationToken cancellationToken);

    /// <summary>
    /// Marks up to <paramref name="count"/> due notifications (pending, or failed and due again, and
    /// held by no live lease) as held by <paramref name="sender"/> until <paramref name="until"/>, and
    /// returns their ids. Two senders at once never get the same row: PostgreSQL skips the rows another
    /// transaction is claiming (FOR UPDATE SKIP LOCKED); SQLite claims under its write lock.
    /// </summary>
    Task<IReadOnlyList<long>> ClaimNotificationsAsync(BotDbContext context, string sender, IReadOnlyCollection<string> tenants, DateTime now, DateTime until, int count, CancellationToken cancellationToken);
}
