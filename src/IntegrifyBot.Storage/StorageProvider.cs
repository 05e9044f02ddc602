namespace IntegrifyBot.Storage;

/// <summary>The database engines the bot can keep its data in.</summary>
public enum StorageProvider
{
    /// <summary>A single file; several bot instances may share it on one machine.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server; any number of bot instances on any machines may share one database.</summary>
    Postgres,
}
