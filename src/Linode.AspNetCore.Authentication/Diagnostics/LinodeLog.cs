using Microsoft.Extensions.Logging;

namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>
/// Every log message of the package, with stable event ids in the range 5000-5099 (documented in the README),
/// apart from the ids the ASP.NET Core base handlers use in the same categories.
/// No message carries a token, an authorization code or the client secret; Linode's bodies appear only
/// at Debug level, only for error responses, and truncated.
/// </summary>
internal static partial class LinodeLog
{
    public const int BodyLogLimit = 512;

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Linode's {Endpoint} endpoint answered {StatusCode} with error code '{ErrorCode}'.")]
    public static partial void EndpointFailed(ILogger logger, string endpoint, int statusCode, string? errorCode);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Linode's {Endpoint} endpoint could not be reached: {Reason}.")]
    public static partial void EndpointUnreachable(ILogger logger, string endpoint, string reason);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Linode's {Endpoint} endpoint answered {StatusCode} with a body that is not the JSON Linode sends (content type '{ContentType}').")]
    public static partial void MalformedResponse(ILogger logger, string endpoint, int statusCode, string? contentType);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Debug, Message = "Linode's {Endpoint} endpoint error body (first {Limit} characters): {Body}")]
    public static partial void ErrorBody(ILogger logger, string endpoint, int limit, string body);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Debug, Message = "The token response carried no 'scopes' or 'scope' field; no scope claims are issued.")]
    public static partial void NoGrantedScopes(ILogger logger);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Debug, Message = "Signed in Linode user {UserId} with {ScopeCount} granted scope(s).")]
    public static partial void SignedIn(ILogger logger, string? userId, int scopeCount);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Information, Message = "Revoked the Linode token of scheme '{Scheme}' (HTTP {StatusCode}).")]
    public static partial void TokenRevoked(ILogger logger, string scheme, int statusCode);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Warning, Message = "Revoking the Linode token of scheme '{Scheme}' failed: HTTP {StatusCode}, error code '{ErrorCode}'. The local sign-out goes on.")]
    public static partial void TokenRevocationFailed(ILogger logger, string scheme, int? statusCode, string? errorCode);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Warning, Message = "Revoking the Linode token of scheme '{Scheme}' took longer than {Timeout} and was abandoned. The local sign-out goes on.")]
    public static partial void TokenRevocationTimedOut(ILogger logger, string scheme, TimeSpan timeout);

    [LoggerMessage(EventId = 5013, Level = LogLevel.Debug, Message = "No Linode token revocation for scheme '{Scheme}': {Reason}.")]
    public static partial void TokenRevocationSkipped(ILogger logger, string scheme, string reason);

    [LoggerMessage(EventId = 5014, Level = LogLevel.Error, Message = "An OnTokenRevoked handler of scheme '{Scheme}' threw; the sign-out goes on.")]
    public static partial void TokenRevokedHandlerFailed(ILogger logger, string scheme, Exception exception);

    [LoggerMessage(EventId = 5015, Level = LogLevel.Warning, Message = "Revoking the Linode token of scheme '{Scheme}' failed: {Reason}. The local sign-out goes on.")]
    public static partial void TokenRevocationError(ILogger logger, string scheme, string reason);

    [LoggerMessage(EventId = 5020, Level = LogLevel.Information, Message = "Refreshed the Linode tokens of scheme '{Scheme}'; the new access token expires at {ExpiresAt:o}.")]
    public static partial void TokenRefreshed(ILogger logger, string scheme, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 5021, Level = LogLevel.Warning, Message = "Linode refused the refresh token of scheme '{Scheme}' (HTTP {StatusCode}, error code '{ErrorCode}').")]
    public static partial void TokenRefreshRejected(ILogger logger, string scheme, int? statusCode, string? errorCode);

    [LoggerMessage(EventId = 5022, Level = LogLevel.Warning, Message = "Refreshing the Linode tokens of scheme '{Scheme}' failed (HTTP {StatusCode}, error code '{ErrorCode}'); the session is kept and a later request retries.")]
    public static partial void TokenRefreshFailed(ILogger logger, string scheme, int? statusCode, string? errorCode);

    [LoggerMessage(EventId = 5023, Level = LogLevel.Debug, Message = "The Linode tokens of scheme '{Scheme}' are due for refresh but no refresh token was saved.")]
    public static partial void NoRefreshToken(ILogger logger, string scheme);

    [LoggerMessage(EventId = 5024, Level = LogLevel.Error, Message = "An OnTokenRefreshed handler of scheme '{Scheme}' threw.")]
    public static partial void TokenRefreshedHandlerFailed(ILogger logger, string scheme, Exception exception);

    [LoggerMessage(EventId = 5025, Level = LogLevel.Debug, Message = "The refresh of scheme '{Scheme}' is still running after {Timeout}; this request goes on with the current access token and a later one applies the result.")]
    public static partial void TokenRefreshStillRunning(ILogger logger, string scheme, TimeSpan timeout);

    [LoggerMessage(EventId = 5026, Level = LogLevel.Information, Message = "The refresh of scheme '{Scheme}' failed {Failures} time(s) in a row; this session tries again from {RetryAt:o}.")]
    public static partial void TokenRefreshBackingOff(ILogger logger, string scheme, DateTimeOffset retryAt, int failures);

    [LoggerMessage(EventId = 5027, Level = LogLevel.Warning, Message = "Linode refused the refresh token of a session of scheme '{Scheme}' ({Whose} grant): every request of that session is signed out, and its access token revoked once.")]
    public static partial void SigningOutAfterRejectedRefresh(ILogger logger, string scheme, string whose);

    [LoggerMessage(EventId = 5028, Level = LogLevel.Warning, Message = "Linode refused a refresh token of scheme '{Scheme}' that was used without coordination (the other instances could not be reached; one of them may have used it first); the session keeps its access token, valid until {ExpiresAt:o}.")]
    public static partial void RejectedUncoordinatedRefreshKeepsSession(ILogger logger, string scheme, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 5030, Level = LogLevel.Warning, Message = "A challenge of scheme '{Scheme}' carried a return URL that is not local to this app; the user will come back to '/' instead.")]
    public static partial void UnsafeReturnUrl(ILogger logger, string scheme);

    [LoggerMessage(EventId = 5031, Level = LogLevel.Information, Message = "A sign-in with scheme '{Scheme}' did not complete after Linode issued a token; revoking that token.")]
    public static partial void RevokingUnclaimedToken(ILogger logger, string scheme);

    [LoggerMessage(EventId = 5032, Level = LogLevel.Warning, Message = "The callback of scheme '{Scheme}' was requested with method {Method}; Linode redirects with GET, so it was answered 405 and the sign-in's state is kept.")]
    public static partial void CallbackMethodNotAllowed(ILogger logger, string scheme, string method);

    [LoggerMessage(EventId = 5050, Level = LogLevel.Warning, Message = "The session store of cookie scheme '{Scheme}' could not be reached to {Operation} a session; the request goes on without it (a read makes the user sign in again).")]
    public static partial void SessionStoreUnavailable(ILogger logger, string scheme, string operation, Exception exception);

    [LoggerMessage(EventId = 5051, Level = LogLevel.Debug, Message = "A cookie of scheme '{Scheme}' names a session the store does not hold (expired, signed out or evicted); the user is not signed in.")]
    public static partial void SessionNotFound(ILogger logger, string scheme);

    [LoggerMessage(EventId = 5052, Level = LogLevel.Warning, Message = "A session of cookie scheme '{Scheme}' could not be unprotected (a different key ring?); the user is not signed in.")]
    public static partial void SessionUnreadable(ILogger logger, string scheme, Exception exception);

    [LoggerMessage(EventId = 5053, Level = LogLevel.Error, Message = "Sign-out could not delete the session of cookie scheme '{Scheme}' from the store; it stays valid until it expires.")]
    public static partial void SessionNotRemoved(ILogger logger, string scheme, Exception exception);

    [LoggerMessage(EventId = 5054, Level = LogLevel.Debug, Message = "A cookie of scheme '{Scheme}' names a session that was signed out; the user is not signed in.")]
    public static partial void SessionEnded(ILogger logger, string scheme);

    [LoggerMessage(EventId = 5055, Level = LogLevel.Warning, Message = "A request of cookie scheme '{Scheme}' tried to renew a session that is {Reason}; nothing was written, and tokens only that request held are revoked.")]
    public static partial void SessionRenewalRefused(ILogger logger, string scheme, string reason);

    /// <summary>Logs an error body at Debug, truncated; the string is cut only when Debug is on.</summary>
    public static void LogErrorBody(ILogger logger, string endpoint, string body)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            ErrorBody(logger, endpoint, BodyLogLimit, body[..Math.Min(body.Length, BodyLogLimit)]);
        }
    }
}
