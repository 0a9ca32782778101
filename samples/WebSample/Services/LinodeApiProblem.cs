using System.Net;
using Linode.AspNetCore.Authentication;

namespace WebSample.Services;

/// <summary>What a person is told when a call to Linode's API fails, and the status of the page that says it: the
/// user's own problems keep Linode's status (401, 403, 429); Linode's failures are a gateway's (502, 503, 504). Never a
/// 500 and never a stack trace.</summary>
/// <param name="StatusCode">The page's status.</param>
/// <param name="Message">The explanation.</param>
/// <param name="SignInAgain">Whether only a new sign-in helps (the token was revoked or expired).</param>
/// <param name="RetryAfter">How long to wait before asking again, when Linode said.</param>
public sealed record LinodeApiProblem(int StatusCode, string Message, bool SignInAgain = false, TimeSpan? RetryAfter = null)
{
    private const string Unreadable = "Linode's API could not be reached or gave an answer this app could not read. Try again in a minute.";

    /// <summary>The problem an exception from a Linode API client stands for; null for one this sample does not expect
    /// (it is not caught). <paramref name="action"/> is a gerund phrase ("creating Linodes").</summary>
    public static LinodeApiProblem? From(Exception exception, string action, CancellationToken requestAborted) => exception switch
    {
        LinodeMissingScopeException missing => new(StatusCodes.Status403Forbidden,
            $"Your Linode sign-in does not allow {action}: it needs {(missing.RequiredScopes.Count > 0 ? missing.RequiredScopes.ToString(", ") : "a scope Linode did not name")}. Sign out and sign in again, ticking that scope on Linode's consent page."),
        LinodeRateLimitedException limited => new(StatusCodes.Status429TooManyRequests,
            $"Linode is rate-limiting this app; try again in {(int)(limited.RetryAfter?.TotalSeconds ?? 30)} seconds.", RetryAfter: limited.RetryAfter ?? TimeSpan.FromSeconds(30)),
        LinodeInvalidTokenException => new(StatusCodes.Status401Unauthorized,
            "Linode no longer accepts this app's access to your account (it was revoked or has expired). Sign out and sign in again.", SignInAgain: true),
        LinodeApiException { StatusCode: HttpStatusCode.Forbidden } refused => new(StatusCodes.Status403Forbidden,
            $"Linode's API refused {action} for your Linode user (\"{refused.Reason}\"). If someone else administers your Linode account, they can grant it."),
        HttpRequestException { StatusCode: HttpStatusCode.Forbidden } => new(StatusCodes.Status403Forbidden,
            "Linode refused the request before its API answered (HTTP 403 without an API error), so nothing was done. Try again later; if it keeps happening, Linode's support can say why."),
        HttpRequestException { StatusCode: HttpStatusCode.ServiceUnavailable } => new(StatusCodes.Status503ServiceUnavailable,
            "Linode's API is unavailable at the moment (HTTP 503). Try again in a minute."),
        HttpRequestException { StatusCode: >= HttpStatusCode.InternalServerError and var status } => new(StatusCodes.Status502BadGateway,
            $"Linode's API failed (HTTP {(int)status}). Try again in a minute."),
        TaskCanceledException when !requestAborted.IsCancellationRequested => new(StatusCodes.Status504GatewayTimeout,
            "Linode's API did not answer in time. Try again in a minute."),
        HttpRequestException or System.Text.Json.JsonException => new(StatusCodes.Status502BadGateway, Unreadable),
        _ => null,
    };
}
