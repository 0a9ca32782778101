using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;

namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>Turns a time-out or network error on a back-channel call into a logged failure.</summary>
internal static class LinodeConnectionFailure
{
    /// <summary>Whether an exception is a back-channel failure to report (time-out, network), not the caller giving up.</summary>
    public static bool IsBackchannelFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is HttpRequestException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    public static LinodeAuthenticationFailureException Failure(string endpoint, Exception exception, TimeSpan timeout, ILogger logger)
    {
        var timedOut = exception is OperationCanceledException;
        var reason = timedOut ? $"no answer within the back-channel timeout of {timeout.TotalSeconds:0.###} s" : "the connection failed";
        LinodeLog.EndpointUnreachable(logger, endpoint, reason);
        return LinodeFailure.Create($"Linode's {endpoint} endpoint could not be reached: {reason}.", timedOut ? "timeout" : "unreachable", inner: exception);
    }
}
