using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Renda.Web.Platform.Web;

/// <summary>
/// EF Core logs every failed command and save at Error ("Failed executing DbCommand", "An exception occurred in the database
/// while saving changes") before the caller sees the exception. Where a unique index is the guard against a second of
/// something (a livelihood ballot, a vote, an oath: <see cref="DbErrors.SaveUniqueAsync"/>), that failure is an expected
/// refusal answered with 409, and 1,000 refused ballots in a 10,000-deputy vote buried the real faults. Here the command's
/// line (which has no exception to judge by) is logged at Information, and so is a save or query that failed on a unique
/// violation; any other failed save or query stays an Error (EF logs it with its exception), and a unique violation that no
/// code handles still reaches the exception handler, which logs it as the fault it is.
/// </summary>
public sealed class DatabaseLogFilter(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new Logger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    // The host owns the factory it wraps.
    public void Dispose() { }

    private sealed class Logger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel) || logLevel >= LogLevel.Error && inner.IsEnabled(LogLevel.Information);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // The command's line carries no exception, only the SQL; the save's (or the query's) line that follows carries it, and
            // is the one judged: a failure is still logged once at Error with its exception, a unique violation is not.
            if (logLevel >= LogLevel.Error && (eventId.Id == RelationalEventId.CommandError.Id || exception is not null && DbErrors.IsUniqueViolation(exception)))
                logLevel = LogLevel.Information;
            if (inner.IsEnabled(logLevel))
                inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
