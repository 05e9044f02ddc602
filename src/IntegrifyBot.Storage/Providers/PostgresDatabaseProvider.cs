using System.Buffers.Binary;
using System.Data;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IntegrifyBot.Storage.Providers;

/// <summary>
/// PostgreSQL: one database shared by any number of bot instances. Its migrations belong to
/// <see cref="PostgresBotDbContext"/> (Migrations/Postgres).
/// </summary>
public sealed class PostgresDatabaseProvider : IBotDatabaseProvider
{
    /// <summary>Set apart from advisory locks that anything else using the database may take.</summary>
    private const string LockNamespace = "IntegrifyBot.LinkedAccount";

    private readonly string connectionString;

    public PostgresDatabaseProvider(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        connectionString = string.IsNullOrWhiteSpace(options.ConnectionString)
            ? throw new InvalidOperationException("Storage:ConnectionString must be set when Storage:Provider is Postgres.")
            : options.ConnectionString;
    }

    public void Configure(DbContextOptionsBuilder builder) =>
        builder.UseNpgsql(connectionString);

    public BotDbContext CreateContext(DbContextOptions<BotDbContext> options) => new PostgresBotDbContext(options);

    public Task PrepareAsync(BotDbContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<DbTransaction> BeginAccountLockAsync(BotDbContext context, string teamsTenantId, string userKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.Database.OpenConnectionAsync(cancellationToken);
        var connection = (NpgsqlConnection)context.Database.GetDbConnection();

        // Read committed: each statement sees what was committed before it began, so the row read
        // after the lock is granted is the one the previous holder committed. (Under repeatable
        // read the snapshot would date from the lock statement itself, before that commit.)
        var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        try
        {
            // An advisory lock rather than SELECT … FOR UPDATE: a row lock needs the row, and the
            // first link of a user has none yet, so two first links would both go ahead. The lock
            // is on a key derived from the account, so other accounts are not held up; it is
            // transaction-scoped, so commit, rollback or a lost connection releases it; and the wait
            // is an ordinary statement, so it blocks no thread and a cancelled token cancels it on
            // the server.
            await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction);
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = AccountLockKey(teamsTenantId, userKey) });
            await command.ExecuteNonQueryAsync(cancellationToken);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    public async Task<IReadOnlyList<long>> ClaimNotificationsAsync(BotDbContext context, string sender, DateTime now, DateTime until, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.Database.OpenConnectionAsync(cancellationToken);
        var connection = (NpgsqlConnection)context.Database.GetDbConnection();
        const string Claim = """
            UPDATE "Notifications" SET "ClaimedBy" = $1, "ClaimedUntil" = $2
            WHERE "Id" IN (
                SELECT "Id" FROM "Notifications"
                WHERE "State" IN ('Pending', 'Failed') AND "NextAttemptAt" <= $3 AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" < $3)
                ORDER BY "NextAttemptAt", "Id"
                LIMIT $4
                FOR UPDATE SKIP LOCKED)
            RETURNING "Id"
            """;
        await using var command = new NpgsqlCommand(Claim, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sender });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = until });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = now });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = count });
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    /// <summary>
    /// The advisory lock key of one account: the first 64 bits of a SHA-256 over the account's
    /// key, computed here rather than with the server's hash functions so that it never depends on
    /// the server's version. Parts are length-prefixed, so ("ab", "c") and ("a", "bc") differ.
    /// </summary>
    internal static long AccountLockKey(string teamsTenantId, string userKey)
    {
        ArgumentNullException.ThrowIfNull(teamsTenantId);
        ArgumentNullException.ThrowIfNull(userKey);
        var text = $"{LockNamespace}\n{teamsTenantId.Length}:{teamsTenantId}\n{userKey.Length}:{userKey}";
        return BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
