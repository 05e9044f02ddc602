using System.Data.Common;
using IntegrifyBot.Storage;
using Microsoft.Data.Sqlite;

namespace IntegrifyBot.TestInfrastructure;

/// <summary>A SQLite file of its own in a fresh temporary folder, deleted afterwards.</summary>
public sealed class TempDatabase : TestDatabase, IDisposable
{
    public TempDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "integrifybot-storage-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        FilePath = Path.Combine(Folder, "bot.db");
    }

    public override StorageProvider Provider => StorageProvider.Sqlite;

    public string Folder { get; }

    public string FilePath { get; }

    public override string ConnectionString => new SqliteConnectionStringBuilder { DataSource = FilePath }.ToString();

    public override async Task<DbConnection> OpenConnectionAsync()
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Every byte SQLite wrote for this database: the file and its write-ahead log.</summary>
    public override Task<byte[]> ReadAllAsync() => Task.FromResult(AllBytes());

    /// <summary>Every byte SQLite wrote for this database: the file and its write-ahead log.</summary>
    public byte[] AllBytes()
    {
        // Pooled connections keep the log open; closing them makes SQLite fold it into the file.
        SqliteConnection.ClearAllPools();
        return Directory.GetFiles(Folder).SelectMany(File.ReadAllBytes).ToArray();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    public override ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
