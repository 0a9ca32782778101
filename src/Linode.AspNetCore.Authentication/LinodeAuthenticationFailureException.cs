using Microsoft.AspNetCore.Authentication;

namespace Linode.AspNetCore.Authentication;

/// <summary>
/// A failed sign-in or token call as the package reports it (in <see cref="RemoteFailureContext.Failure"/>, and as the
/// failure of a code exchange or refresh): Linode's HTTP status, error code and description, when to retry, the scopes
/// that were missing. Its <see cref="Exception.Message"/> never holds a token, a code, a secret or Linode's free text, so
/// it is safe to log and to show. It derives from <see cref="AuthenticationFailureException"/> and fills the
/// <see cref="Exception.Data"/> keys ASP.NET Core's OAuth handlers use (<c>error</c>, <c>error_description</c>) and the
/// package's own (<c>status</c>, <c>retry_after</c> in seconds, <c>missing_scopes</c> comma-separated), so code written
/// against either keeps working.
/// </summary>
public class LinodeAuthenticationFailureException : AuthenticationFailureException
{
    /// <summary>Initializes the failure.</summary>
    /// <param name="message">What failed; must hold nothing secret and no text Linode sent.</param>
    public LinodeAuthenticationFailureException(string message)
        : this(message, null)
    {
    }

    /// <summary>Initializes the failure.</summary>
    /// <param name="message">What failed; must hold nothing secret and no text Linode sent.</param>
    /// <param name="innerException">The cause, when there is one.</param>
    public LinodeAuthenticationFailureException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Data["error"] = null;
        Data["error_description"] = null;
    }

    /// <summary>Linode's HTTP status, or null when Linode did not answer (time-out, network) or was not called.</summary>
    public int? StatusCode
    {
        get => Data["status"] as int?;
        init => Data["status"] = value;
    }

    /// <summary>The error code: Linode's (<c>invalid_grant</c>), or the package's (<c>timeout</c>, <c>unreachable</c>,
    /// <c>insufficient_scope</c>, <c>invalid_token_response</c>, <c>invalid_profile_response</c>, <c>sign_in_failed</c>).
    /// Linode's value is what it sent: use <see cref="SafeErrorCode"/> to show it or put it in a URL.</summary>
    public string? Error
    {
        get => Data["error"] as string;
        init => Data["error"] = value;
    }

    /// <summary>Linode's description of the error (its <c>error_description</c> or <c>errors[0].reason</c>): Linode's text,
    /// which may echo what it was sent, so not for pages or logs above Debug.</summary>
    public string? ErrorDescription
    {
        get => Data["error_description"] as string;
        init => Data["error_description"] = value;
    }

    /// <summary>How long Linode asked to wait (a 429's <c>Retry-After</c>), or null.</summary>
    public TimeSpan? RetryAfter
    {
        get => Data["retry_after"] is int seconds ? TimeSpan.FromSeconds(seconds) : null;
        init => Data["retry_after"] = value is { } wait ? (int)wait.TotalSeconds : null;
    }

    /// <summary>The scopes the app requires that Linode did not grant (empty unless that is why the sign-in failed).</summary>
    public LinodeScopeSet MissingScopes
    {
        get => LinodeScopes.Parse(Data["missing_scopes"] as string);
        init => Data["missing_scopes"] = value is { Count: > 0 } ? value.ToString(",") : null;
    }

    /// <summary><see cref="Error"/> when it looks like an error code (ASCII letters, digits, <c>_ - .</c>, at most 64
    /// characters), else null: the only form safe to show, log or put in a URL.</summary>
    public string? SafeErrorCode => SafeErrorCodeOf(this);

    /// <summary>The safe error code of any sign-in failure: this type's, or the <c>error</c> that ASP.NET Core's own
    /// handlers put in <see cref="Exception.Data"/> (an error in the callback's query string, which anyone can forge: only a
    /// code-shaped value is returned).</summary>
    /// <param name="failure">The failure, for example <see cref="RemoteFailureContext.Failure"/>.</param>
    /// <returns>The code, or null.</returns>
    public static string? SafeErrorCodeOf(Exception? failure) => failure?.Data["error"] is string code && IsErrorCode(code) ? code : null;

    /// <summary>Whether a value looks like an OAuth error code (and so is safe to show).</summary>
    internal static bool IsErrorCode([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? value) =>
        value is { Length: > 0 and <= 64 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');
}
