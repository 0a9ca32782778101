using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>
/// The default answer to a failed remote sign-in: 403 for a denied consent, 400 otherwise, a short plain-text
/// sentence, no stack trace, never a 5xx. Apps replace it by setting <see cref="RemoteAuthenticationEvents.OnRemoteFailure"/>.
/// </summary>
internal static class LinodeRemoteFailurePage
{
    /// <summary>The longest failure message the page shows; longer ones are cut.</summary>
    internal const int MaxMessageLength = 200;

    /// <summary>What the page says of a failure whose message is not safe to show (and the message of the failure the
    /// handler reports when a sign-in throws after its ticket was made).</summary>
    internal const string CouldNotComplete = "The sign-in could not be completed.";

    public static async Task WriteAsync(RemoteFailureContext context)
    {
        var errorCode = context.Failure?.Data["error"] as string;
        var denied = string.Equals(errorCode, "access_denied", StringComparison.Ordinal);
        var response = context.Response;
        response.StatusCode = denied ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
        response.ContentType = "text/plain; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        var text = denied
            ? "Sign-in with Linode was cancelled: access was denied on Linode's consent page."
            : "Sign-in with Linode failed. " + Describe(context.Failure, errorCode);
        context.HandleResponse();
        await response.WriteAsync(text + "\n", Encoding.UTF8, context.HttpContext.RequestAborted).ConfigureAwait(false);
    }

    private static string Describe(Exception? failure, string? errorCode)
    {
        if (failure is LinodeAuthenticationFailureException { Message: var safe })
        {
            return safe;
        }

        // An 'error' from the callback's query string is attacker-controlled: echo it only when it looks like a code.
        if (errorCode is not null)
        {
            return LinodeFailure.IsCode(errorCode) ? $"Linode answered with the error '{errorCode}'." : "Linode answered with an error.";
        }

        // ASP.NET Core's own failures (correlation, state) are short fixed sentences worth showing. Anything else reached
        // here from an app's event handler or a bug, and its message may hold anything: not shown.
        if (failure is AuthenticationFailureException { Message: var message })
        {
            return message[..Math.Min(message.Length, MaxMessageLength)];
        }

        return CouldNotComplete;
    }
}
