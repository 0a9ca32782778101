using System.Net;
using Linode.AspNetCore.Authentication;

namespace WebSample.Services;

/// <summary>What a person is told when a call to Linode's API fails, and the status of the page that says it (never 5xx).</summary>
/// <param name="StatusCode">The page's status.</param>
/// <param name="Message">The explanation.</param>
/// <param name="SignInAgain">Whether only a new sign-in helps (the token was revoked or expired).</param>
public sealed record LinodeApiProblem(int StatusCode, string Message, bool SignInAgain = false)
{
    /// <summary>The problem an exception from a Linode API client stands for; null for one this sample does not expect
    /// (it is not caught).</summary>
    public static LinodeApiProblem? From(Exception exception, string action, CancellationToken requestAborted) => exception switch
    {
        LinodeMissingScopeException missing => new(StatusCodes.Status403Forbidden,
            $"Your Linode sign-in does not allow {action}: it needs {(missing.RequiredScopes.Count > 0 ? missing.RequiredScopes.ToString(", ") : "a scope Linode did not name")}. Sign out and sign in again, ticking that scope on Linode's consent page."),
        LinodeRateLimitedException limited => new(StatusCodes.Status429TooManyRequests,
            $"Linode is rate-limiting this app; try again in {(int)(limited.RetryAfter?.TotalSeconds ?? 30)} seconds."),
        LinodeInvalidTokenException => new(StatusCodes.Status401Unauthorized,
            "Linode no longer accepts this app's access to your account (it was revoked or has expired). Sign out and sign in again.", SignInAgain: true),
        HttpRequestException { StatusCode: HttpStatusCode.Forbidden } => new(StatusCodes.Status403Forbidden,
            $"Your Linode user is not allowed {action} (an account administrator restricts it)."),
        HttpRequestException or System.Text.Json.JsonException or TaskCanceledException when !requestAborted.IsCancellationRequested => new(StatusCodes.Status200OK,
            "Linode's API could not be reached or gave an answer this app could not read. Try again in a minute."),
        _ => null,
    };
}
