using Microsoft.Data.Sqlite;

namespace IntegrifyBot.Tests.Storage;

/// <summary>A SQLite file of its own in a fresh temporary folder, deleted afterwards.</summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "integrifybot-storage-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        FilePath = Path.Combine(Folder, "bot.db");
    }

    public string Folder { get; }

    public string FilePath { get; }

    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = FilePath }.ToString();

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
        Directory.Delete(Folder, recursive: true);
    }
}
