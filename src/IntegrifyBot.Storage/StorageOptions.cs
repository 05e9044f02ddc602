namespace IntegrifyBot.Storage;

/// <summary>The "Storage" section of appsettings.json: where the bot keeps linked accounts and its keys.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>
    /// The provider's connection string. Unset for SQLite means the file integrifybot.db in
    /// Bot:DataFolder; required for PostgreSQL. It can hold a password: set it from the environment,
    /// and it is never logged.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The bot's data folder (Bot:DataFolder), for the default SQLite file.</summary>
    public string DataFolder { get; set; } = "data";

    public override string ToString() => $"StorageOptions {{ Provider = {Provider} }}";
}
