using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace IntegrifyBot.Storage.Providers;

/// <summary>
/// SQLite: one file, which several bot instances on one machine may share. Its migrations belong to
/// <see cref="BotDbContext"/> itself (Migrations/Sqlite).
/// </summary>
public sealed class SqliteDatabaseProvider : IBotDatabaseProvider
{
    public const string DefaultFileName = "integrifybot.db";

    private readonly string connectionString;

    public SqliteDatabaseProvider(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        connectionString = ConnectionStringFor(options);

        // SQLite creates the file but not its folder.
        var folder = Path.GetDirectoryName(Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }

    public static string ConnectionStringFor(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new SqliteConnectionStringBuilder { DataSource = Path.Combine(options.DataFolder, DefaultFileName) }.ToString()
            : options.ConnectionString;
    }

    public void Configure(DbContextOptionsBuilder builder) =>
        builder.UseSqlite(connectionString).AddInterceptors(new SqliteBusyTimeout());

    public BotDbContext CreateContext(DbContextOptions<BotDbContext> options) => new(options);

    public async Task PrepareAsync(BotDbContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);

        // Write-ahead logging lets readers go on while one instance holds the write lock for a
        // renewal; the setting is kept in the file, so once is enough.
        await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    public async Task<DbTransaction> BeginAccountLockAsync(BotDbContext context, string teamsTenantId, string userKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.Database.OpenConnectionAsync(cancellationToken);
        var connection = (SqliteConnection)context.Database.GetDbConnection();

        // BEGIN IMMEDIATE takes the database's write lock now rather than at the first write, so the
        // row read next is the latest and no other process can change it before this one commits.
        // While another process holds the lock, Microsoft.Data.Sqlite retries for the connection's
        // default timeout (30 s unless "Default Timeout" says otherwise), then throws. That wait
        // sleeps on its thread and cannot be cancelled, so it gets a thread of its own, outside the
        // thread pool: a pool thread asleep here is one fewer to run the renewal being waited for,
        // and on a small machine under a storm of calls that alone can stretch the wait past the
        // client's time budget.
        return await Task.Factory.StartNew(
            () => connection.BeginTransaction(deferred: false),
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
    }

    /// <summary>The database's write lock, which covers any username as well as the account.</summary>
    public Task<DbTransaction> BeginSignInLockAsync(BotDbContext context, string teamsTenantId, string userKey, string? integrifyUserName, CancellationToken cancellationToken) =>
        BeginAccountLockAsync(context, teamsTenantId, userKey, cancellationToken);

    public async Task<IReadOnlyList<long>> ClaimNotificationsAsync(BotDbContext context, string sender, IReadOnlyCollection<string> tenants, DateTime now, DateTime until, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var held = System.Text.Json.JsonSerializer.Serialize(tenants);

        // One statement: SQLite runs it under the database's write lock, so two processes' claims
        // take turns and the second sees the rows the first claimed as held.
        var ids = await context.Database.SqlQuery<long>($"""
            UPDATE "Notifications" SET "ClaimedBy" = {sender}, "ClaimedUntil" = {until}
            WHERE "Id" IN (
                SELECT "Id" FROM "Notifications"
                WHERE "State" IN ('Pending', 'Failed') AND "NextAttemptAt" <= {now} AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" < {now})
                    AND "TeamsTenantId" IN (SELECT "value" FROM json_each({held}))
                ORDER BY "NextAttemptAt", "Id"
                LIMIT {count})
            RETURNING "Id" AS "Value"
            """).ToListAsync(cancellationToken);
        return ids;
    }
}
