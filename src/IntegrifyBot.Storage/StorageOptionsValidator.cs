using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IntegrifyBot.Storage;

/// <summary>
/// Checks the "Storage" section at start, so a bad one stops the bot with a clear message. No
/// message ever repeats the connection string: it can hold a password.
/// </summary>
internal sealed class StorageOptionsValidator(KeyRingCertificates certificates) : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var database = options.Provider switch
        {
            StorageProvider.Sqlite => ValidateSqlite(options),
            StorageProvider.Postgres => ValidatePostgres(options),
            _ => ValidateOptionsResult.Fail($"Storage:Provider must be one of: {string.Join(", ", Enum.GetNames<StorageProvider>())}."),
        };
        var failures = (database.Failures ?? []).Concat(certificates.Problems).Concat(KeyRingProblems(options)).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private IEnumerable<string> KeyRingProblems(StorageOptions options)
    {
        // Data Protection took its certificate when storage was registered; a setting that appeared
        // or changed since would be shown here but never used.
        if (!string.Equals(options.KeyRingCertificatePath ?? string.Empty, certificates.Path ?? string.Empty, StringComparison.Ordinal))
        {
            yield return "Storage:KeyRingCertificatePath differs from what it was when the bot's services were registered; set it where the bot reads its settings at start (environment, command line, appsettings.json) and restart.";
        }

        if (string.IsNullOrWhiteSpace(options.KeyRingCertificatePath) && options.KeyRingProtectionRequired && !options.AllowUnprotectedKeyRing)
        {
            yield return "Storage:KeyRingCertificatePath is not set: production mode keeps the Data Protection key ring in the database encrypted with a certificate "
                + "(a PFX file with an RSA key; its password in Storage:KeyRingCertificatePassword). Storage:AllowUnprotectedKeyRing=true runs without one, "
                + "and then a copy of the database decrypts every user's tokens.";
        }
    }

    private static ValidateOptionsResult ValidateSqlite(StorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return string.IsNullOrWhiteSpace(options.DataFolder)
                ? ValidateOptionsResult.Fail("Bot:DataFolder must be set when Storage:ConnectionString is not.")
                : DataFolderProblem(options.DataFolder) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
        }

        try
        {
            var builder = new SqliteConnectionStringBuilder(options.ConnectionString);
            var inMemory = builder.Mode == SqliteOpenMode.Memory || string.Equals(builder.DataSource, ":memory:", StringComparison.Ordinal);
            return string.IsNullOrWhiteSpace(builder.DataSource) || inMemory
                ? ValidateOptionsResult.Fail("Storage:ConnectionString must name a SQLite file (Data Source=...), shared by every bot instance.")
                : ValidateOptionsResult.Success;
        }
        catch (ArgumentException)
        {
            return ValidateOptionsResult.Fail("Storage:ConnectionString is not a valid SQLite connection string.");
        }
    }

    private static ValidateOptionsResult ValidatePostgres(StorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail("Storage:ConnectionString must be set when Storage:Provider is Postgres (Host=...;Database=...;Username=...; set it from the environment, as it holds the password).");
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            return string.IsNullOrWhiteSpace(builder.Host)
                ? ValidateOptionsResult.Fail("Storage:ConnectionString must name the PostgreSQL server (Host=...).")
                : ValidateOptionsResult.Success;
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            return ValidateOptionsResult.Fail("Storage:ConnectionString is not a valid PostgreSQL connection string.");
        }
    }

    // The default database lives in the data folder: a folder that cannot be made stops the start
    // here, with one line, rather than later with a stack trace.
    private static string? DataFolderProblem(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return $"Bot:DataFolder {Path.GetFullPath(folder)} cannot be created or written; set it to a writable folder.";
        }
    }
}
