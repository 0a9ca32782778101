using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Linode.AspNetCore.Authentication.Tests.Infrastructure;

/// <summary>Captures every log entry of the app under test, at every level, including exception text.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => _entries.ToArray();

    /// <summary>The entries written by this package's loggers (event ids are only unique within them).</summary>
    public IReadOnlyList<LogEntry> Linode => _entries.Where(entry => entry.Category.StartsWith("Linode.AspNetCore.Authentication", StringComparison.Ordinal)).ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    /// <summary>One log call: <see cref="Formatted"/> is the text a console shows, <see cref="State"/> every structured
    /// key and value; <see cref="Message"/> holds both, so a check on it covers what any provider could record.</summary>
    public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Formatted, string State, string? Exception)
    {
        public string Message => Formatted + " {" + State + "}";

        public string AllText => Message + "\n" + Exception;
    }

    private static string Expand(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        System.Collections.IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Expand)) + "]",
        _ => value.ToString() ?? string.Empty,
    };

    private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // Structured state as a serialising provider (Serilog, OpenTelemetry) would record it: every key and value,
            // collections expanded item by item.
            var structured = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(" | ", pairs.Select(pair => $"{pair.Key}={Expand(pair.Value)}"))
                : state?.ToString() ?? string.Empty;
            entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), structured, exception?.ToString()));
        }
    }
}
