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

    /// <summary>Sign-in attempts against one Integrify username, whoever makes them.</summary>
    private const string UserNameLockNamespace = "IntegrifyBot.IntegrifyUserName";

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

    public Task<DbTransaction> BeginAccountLockAsync(BotDbContext context, string teamsTenantId, string userKey, CancellationToken cancellationToken) =>
        BeginLockedAsync(context, [AccountLockKey(teamsTenantId, userKey)], cancellationToken);

    public Task<DbTransaction> BeginSignInLockAsync(BotDbContext context, string teamsTenantId, string userKey, string? integrifyUserName, CancellationToken cancellationToken) =>
        BeginLockedAsync(
            context,
            integrifyUserName is null ? [AccountLockKey(teamsTenantId, userKey)] : [AccountLockKey(teamsTenantId, userKey), UserNameLockKey(integrifyUserName)],
            cancellationToken);

    public async Task<IReadOnlyList<long>> ClaimNotificationsAsync(BotDbContext context, string sender, IReadOnlyCollection<string> tenants, DateTime now, DateTime until, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.Database.OpenConnectionAsync(cancellationToken);
        var connection = (NpgsqlConnection)context.Database.GetDbConnection();
        const string Claim = """
            UPDATE "Notifications" SET "ClaimedBy" = $1, "ClaimedUntil" = $2
            WHERE "Id" IN (
                SELECT "Id" FROM "Notifications"
                WHERE "State" IN ('Pending', 'Failed') AND "NextAttemptAt" <= $3 AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" < $3)
                    AND "TeamsTenantId" = ANY($5)
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
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. tenants] });
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    /// <summary>A read-committed transaction holding the advisory locks of <paramref name="keys"/>, taken in their order.</summary>
    private static async Task<DbTransaction> BeginLockedAsync(BotDbContext context, long[] keys, CancellationToken cancellationToken)
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
            // the server. One statement per key, so the order of taking them is certain.
            foreach (var key in keys)
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction);
                command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key });
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
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
        return LockKey($"{LockNamespace}\n{teamsTenantId.Length}:{teamsTenantId}\n{userKey.Length}:{userKey}");
    }

    /// <summary>The advisory lock key of one (normalized) Integrify username, in a namespace of its own.</summary>
    internal static long UserNameLockKey(string integrifyUserName)
    {
        ArgumentNullException.ThrowIfNull(integrifyUserName);
        return LockKey($"{UserNameLockNamespace}\n{integrifyUserName.Length}:{integrifyUserName}");
    }

    private static long LockKey(string text) => BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
