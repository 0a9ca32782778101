using System.Net;
using Microsoft.AspNetCore.Authentication;

namespace Linode.AspNetCore.Authentication;

/// <summary>
/// Builds the <see cref="AuthenticationFailureException"/>s the handler reports. Their <c>Data</c> carries
/// <c>status</c> (the HTTP status, an <see cref="int"/>), <c>error</c> and <c>error_description</c> (Linode's error code and
/// text, when it sent them) and, for 429, <c>retry_after</c> (seconds). Messages never hold tokens, codes or secrets.
/// </summary>
internal static class LinodeFailure
{
    public const string SafeMessageKey = "linode:message";

    public static AuthenticationFailureException FromResponse(string endpoint, HttpStatusCode status, LinodeErrorBody error, string? contentType, TimeSpan? retryAfter)
    {
        var message = $"Linode's {endpoint} endpoint answered {(int)status} ({status})";
        if (error.Code is not null)
        {
            message += $" with error '{Clip(error.Code)}'";
        }

        if (error.Description is not null)
        {
            message += $": {Clip(error.Description)}";
        }
        else if (!error.IsJson && contentType is not null)
        {
            message += $" with a {contentType} body (an edge firewall may have rejected the request)";
        }

        if (retryAfter is { } delay)
        {
            message += $"; retry after {(int)delay.TotalSeconds} s";
        }

        var exception = Create(message + ".", error.Code, error.Description);
        exception.Data["status"] = (int)status;
        if (retryAfter is { } wait)
        {
            exception.Data["retry_after"] = (int)wait.TotalSeconds;
        }

        return exception;
    }

    public static AuthenticationFailureException Create(string message, string? errorCode = null, string? description = null, Exception? inner = null)
    {
        var exception = new AuthenticationFailureException(message, inner);
        exception.Data["error"] = errorCode;
        exception.Data["error_description"] = description;
        exception.Data[SafeMessageKey] = message;
        return exception;
    }

    private static string Clip(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
