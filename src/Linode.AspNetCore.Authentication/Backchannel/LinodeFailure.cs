using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;

namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>
/// Builds the <see cref="LinodeAuthenticationFailureException"/>s the handler reports. Messages never hold tokens, codes
/// or secrets, nor Linode's free text.
/// </summary>
internal static class LinodeFailure
{
    /// <summary>Reads an error answer (status, error code; the body only at Debug), logs it, and builds the failure.</summary>
    public static async Task<LinodeAuthenticationFailureException> FromResponseAsync(string endpoint, HttpResponseMessage response, TimeProvider? time, ILogger logger, CancellationToken cancellationToken)
    {
        var retryAfter = LinodeRetryAfter.Read(response, time ?? TimeProvider.System);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var error = LinodeErrorBody.Parse(body);
        LinodeLog.EndpointFailed(logger, endpoint, (int)response.StatusCode, IsCode(error.Code) ? error.Code : "none");
        LinodeLog.LogErrorBody(logger, endpoint, body);
        return FromResponse(endpoint, response.StatusCode, error, response.Content.Headers.ContentType?.MediaType, retryAfter);
    }

    public static LinodeAuthenticationFailureException FromResponse(string endpoint, HttpStatusCode status, LinodeErrorBody error, string? contentType, TimeSpan? retryAfter)
    {
        // Only the status and a code-shaped error code go into the message: the base handler logs it at Information,
        // and Linode's free-text description is body content (kept in ErrorDescription).
        var message = $"Linode's {endpoint} endpoint answered {(int)status} ({status})";
        if (IsCode(error.Code))
        {
            message += $" with error '{error.Code}'";
        }
        else if (!error.IsJson && contentType is not null)
        {
            message += $" with a {contentType} body (an edge firewall may have rejected the request)";
        }

        if (retryAfter is { } delay)
        {
            message += $"; retry after {(int)delay.TotalSeconds} s";
        }

        return new LinodeAuthenticationFailureException(message + ".")
        {
            Error = error.Code,
            ErrorDescription = error.Description,
            StatusCode = (int)status,
            RetryAfter = retryAfter,
        };
    }

    public static LinodeAuthenticationFailureException Create(string message, string? errorCode = null, string? description = null, Exception? inner = null) =>
        new(message, inner) { Error = errorCode, ErrorDescription = description };

    /// <summary>The value when it looks like an OAuth error code, else null: the only form of Linode's error text that
    /// results and messages carry (the rest may echo what Linode was sent).</summary>
    public static string? CodeOrNull(string? value) => IsCode(value) ? value : null;

    /// <summary>Whether a value looks like an OAuth error code (and so is safe to put in a message).</summary>
    public static bool IsCode([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? value) => LinodeAuthenticationFailureException.IsErrorCode(value);
}
