using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Renda.Tests.Platform.Security;

/// <summary>Every log entry the application writes, with its level, event and scopes (the trace and span ids among them).</summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    public sealed record Entry(string Category, LogLevel Level, EventId Event, string Message, Exception? Exception, IReadOnlyDictionary<string, object?> Scopes);

    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();
    public ConcurrentQueue<Entry> Entries { get; } = new();

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;
    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);
    public void Dispose() { }

    private sealed class Logger(LogCapture log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => log._scopes.Push(state);
        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new Dictionary<string, object?>();
            log._scopes.ForEachScope((scope, bag) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    foreach (var (k, v) in pairs) bag[k] = v;
            }, scopes);
            log.Entries.Enqueue(new Entry(category, logLevel, eventId, formatter(state, exception), exception, scopes));
        }
    }
}
