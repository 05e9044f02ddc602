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

    /// <summary>
    /// A PFX file whose certificate (RSA, with its private key) encrypts the Data Protection key ring
    /// before it is written to the database, so that a copy of the database alone cannot decrypt
    /// users' tokens.
    /// </summary>
    public string? KeyRingCertificatePath { get; set; }

    /// <summary>The PFX file's password: a secret, from the environment or a secret store; never logged.</summary>
    public string? KeyRingCertificatePassword { get; set; }

    /// <summary>
    /// Certificates that protected the key ring before the current one, kept to decrypt the keys
    /// they encrypted; new keys are encrypted with the current certificate only.
    /// </summary>
    public IList<KeyRingCertificateFile> PreviousKeyRingCertificates { get; } = [];

    /// <summary>Lets production run with the key ring in clear, as an explicit, loudly logged choice.</summary>
    public bool AllowUnprotectedKeyRing { get; set; }

    /// <summary>
    /// Whether an unprotected key ring stops the start. Not a setting: the bot's host sets it from
    /// Bot:Mode (production requires protection; demo and development do not).
    /// </summary>
    public bool KeyRingProtectionRequired { get; set; } = true;

    public override string ToString() =>
        $"StorageOptions {{ Provider = {Provider}, KeyRingCertificatePath = {KeyRingCertificatePath}, AllowUnprotectedKeyRing = {AllowUnprotectedKeyRing} }}";
}
