namespace WebSample;

/// <summary>The sample's own log messages.</summary>
internal static partial class SampleLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "A call to Linode's API failed ({ExceptionType}); the page says to try again later.")]
    public static partial void LinodeApiUnavailable(this ILogger logger, string exceptionType);
}
