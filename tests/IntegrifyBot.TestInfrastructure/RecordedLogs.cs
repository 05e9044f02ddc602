using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace IntegrifyBot.TestInfrastructure;

/// <summary>
/// Every log line the bot writes, formatted as an operator would read it: with its scopes (the JSON
/// console logs include them, such as the request's path), exceptions included.
/// </summary>
public sealed class RecordedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> lines = new();
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public IEnumerable<string> Lines => lines;

    /// <summary>How many lines there are so far: what <see cref="FailedWrites"/> is to skip, to see only what came later.</summary>
    public int Count => lines.Count;

    /// <summary>
    /// Lines an operator would have to look into: an error (or worse), and any line that carries a
    /// stack trace, whatever its level.
    /// </summary>
    /// <param name="since">Lines to skip, such as those of the start.</param>
    public IReadOnlyList<string> ErrorsAndStacks(int since = 0) =>
    [
        .. lines.Skip(since).Where(line =>
            line.StartsWith($"{LogLevel.Error} ", StringComparison.Ordinal)
            || line.StartsWith($"{LogLevel.Critical} ", StringComparison.Ordinal)
            || HasStackTrace(line)),
    ];

    /// <summary>Whether <paramref name="text"/> holds a stack frame ("   at …"), as an exception's ToString() writes them.</summary>
    public static bool HasStackTrace(string text) => text.Contains("   at ", StringComparison.Ordinal);

    /// <summary>
    /// Lines at Warning or above that tell of a database write that failed, even one the bot then
    /// handled: anything EF Core warns of, a unique-key violation, EF Core's "exception … while saving
    /// changes", or a database's exception. (Other warnings, such as a slow call retried on a busy
    /// machine, are not about writes.)
    /// </summary>
    /// <param name="since">Lines to skip: those of the start, such as migrating a new database.</param>
    public IReadOnlyList<string> FailedWrites(int since = 0) =>
    [
        .. lines.Skip(since)
            .Where(line => new[] { LogLevel.Warning, LogLevel.Error, LogLevel.Critical }.Any(level => line.StartsWith($"{level} ", StringComparison.Ordinal)))
            .Where(line => line.Contains(" Microsoft.EntityFrameworkCore.", StringComparison.Ordinal)
                || line.Contains("unique", StringComparison.OrdinalIgnoreCase)
                || line.Contains("duplicate key", StringComparison.OrdinalIgnoreCase)
                || line.Contains("saving changes", StringComparison.Ordinal)
                || line.Contains("DbUpdateException", StringComparison.Ordinal)
                || line.Contains("SqliteException", StringComparison.Ordinal)
                || line.Contains("PostgresException", StringComparison.Ordinal)),
    ];

    public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, lines, () => scopes);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Recorder(string category, ConcurrentQueue<string> lines, Func<IExternalScopeProvider> scopes) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => scopes().Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            var line = new StringBuilder($"{logLevel} {category}: {formatter(state, exception)} {state} {exception}");
            scopes().ForEachScope((scope, text) => text.Append(" => ").Append(scope), line);
            lines.Enqueue(line.ToString());
        }
    }
}
