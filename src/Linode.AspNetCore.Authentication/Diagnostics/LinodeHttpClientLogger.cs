using Microsoft.Extensions.Http.Logging;
using Microsoft.Extensions.Logging;

namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>
/// The only logger of the HTTP clients this package creates (the back-channel and every <c>AddLinodeUserAccessToken</c>
/// client), in place of <c>IHttpClientFactory</c>'s default ones. Those put every request header, the
/// <c>Authorization: Bearer</c> token included, into the log <i>state</i> unredacted (only their formatted text shows
/// <c>*</c>), where Serilog or an OpenTelemetry exporter records it. This one logs the method, the URL without its query,
/// the status and the duration: never a header, a query string or a body.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1873", Justification = "Every call is behind an IsEnabled check of its level.")]
internal sealed partial class LinodeHttpClientLogger : IHttpClientLogger
{
    public const string Category = "Linode.AspNetCore.Authentication.Http";

    private readonly ILogger _logger;
    private readonly string _clientName;

    public LinodeHttpClientLogger(ILoggerFactory loggers, string clientName)
    {
        _logger = loggers.CreateLogger(Category);
        _clientName = clientName;
    }

    public object? LogRequestStart(HttpRequestMessage request)
    {
        if (_logger.IsEnabled(LogLevel.Trace))
        {
            RequestStarting(_logger, _clientName, request.Method, Address(request));
        }

        return null;
    }

    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed)
    {
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            RequestEnded(_logger, _clientName, request.Method, Address(request), (int)response.StatusCode, elapsed.TotalMilliseconds);
        }
    }

    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed)
    {
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            RequestFailed(_logger, _clientName, request.Method, Address(request), elapsed.TotalMilliseconds, exception);
        }
    }

    private static string Address(HttpRequestMessage request) =>
        request.RequestUri is { IsAbsoluteUri: true } uri ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped) : string.Empty;

    [LoggerMessage(EventId = 5040, Level = LogLevel.Trace, Message = "HTTP client '{ClientName}' sending {Method} {Address}.")]
    private static partial void RequestStarting(ILogger logger, string clientName, HttpMethod method, string address);

    [LoggerMessage(EventId = 5041, Level = LogLevel.Debug, Message = "HTTP client '{ClientName}' received {StatusCode} for {Method} {Address} after {ElapsedMilliseconds:0.0} ms.")]
    private static partial void RequestEnded(ILogger logger, string clientName, HttpMethod method, string address, int statusCode, double elapsedMilliseconds);

    [LoggerMessage(EventId = 5042, Level = LogLevel.Debug, Message = "HTTP client '{ClientName}' failed {Method} {Address} after {ElapsedMilliseconds:0.0} ms.")]
    private static partial void RequestFailed(ILogger logger, string clientName, HttpMethod method, string address, double elapsedMilliseconds, Exception exception);
}
