using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace IntegrifyBot.Storage;

/// <summary>Checks the "Storage" section at start, so a bad one stops the bot with a clear message.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (!Enum.IsDefined(options.Provider))
        {
            return ValidateOptionsResult.Fail($"Storage:Provider must be one of: {string.Join(", ", Enum.GetNames<StorageProvider>())}.");
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return string.IsNullOrWhiteSpace(options.DataFolder)
                ? ValidateOptionsResult.Fail("Bot:DataFolder must be set when Storage:ConnectionString is not.")
                : DataFolderProblem(options.DataFolder) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
        }

        // The message never repeats the connection string: it can hold a password.
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
