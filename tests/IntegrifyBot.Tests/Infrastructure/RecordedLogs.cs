using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace IntegrifyBot.Tests.Infrastructure;

/// <summary>
/// Every log line the bot writes, formatted as an operator would read it: with its scopes (the JSON
/// console logs include them, such as the request's path), exceptions included.
/// </summary>
public sealed class RecordedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> lines = new();
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public IEnumerable<string> Lines => lines;

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
