using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace IntegrifyBot.Storage.Providers;

/// <summary>
/// Everything that differs between database engines, kept behind one small seam so the token store
/// and the model stay provider-neutral. A PostgreSQL provider implements the same three things.
/// </summary>
public interface IBotDatabaseProvider
{
    /// <summary>Points EF Core at the database (UseSqlite, later UseNpgsql) and its migrations.</summary>
    void Configure(DbContextOptionsBuilder builder);

    /// <summary>One-off settings of a new or migrated database, applied after the migrations.</summary>
    Task PrepareAsync(BotDbContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Begins a transaction on the context's connection that holds, until it ends, the lock that
    /// orders every writer of one linked account across all processes sharing the database. SQLite
    /// takes the whole database's write lock (BEGIN IMMEDIATE); PostgreSQL can lock only that account
    /// (SELECT … FOR UPDATE, or an advisory lock when the row does not exist yet).
    /// </summary>
    Task<DbTransaction> BeginAccountLockAsync(BotDbContext context, string teamsTenantId, string userKey, CancellationToken cancellationToken);
}
