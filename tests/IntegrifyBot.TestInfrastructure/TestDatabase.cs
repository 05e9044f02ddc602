using System.Data.Common;
using IntegrifyBot.Storage;

namespace IntegrifyBot.TestInfrastructure;

/// <summary>
/// An empty database of its own for one test, on one of the engines the bot supports, deleted
/// afterwards. Tests written against this run unchanged on SQLite and on PostgreSQL.
/// </summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public abstract StorageProvider Provider { get; }

    /// <summary>What Storage:ConnectionString would say.</summary>
    public abstract string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(StorageProvider provider) => provider switch
    {
        StorageProvider.Sqlite => new TempDatabase(),
        StorageProvider.Postgres => await (await PostgresServer.SharedAsync()).CreateDatabaseAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "No test database for this engine."),
    };

    /// <summary>
    /// The Storage section of the bot's configuration for this database, as an operator would write it.
    /// </summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Storage:Provider", Provider.ToString()),
        new("Storage:ConnectionString", ConnectionString),
    ];

    /// <summary>An open connection outside the bot, as an operator (or anyone with the connection string) has.</summary>
    public abstract Task<DbConnection> OpenConnectionAsync();

    /// <summary>
    /// Everything the database keeps, as someone who walked off with a copy would read it: SQLite's
    /// files, or PostgreSQL's pg_dump.
    /// </summary>
    public abstract Task<byte[]> ReadAllAsync();

    public abstract ValueTask DisposeAsync();
}
