using Microsoft.Extensions.Logging;

namespace Linode.AspNetCore.Authentication.StackExchangeRedis.Internal;

/// <summary>The package's log messages. None carries a token or a refresh-token hash.</summary>
internal static partial class LinodeRedisLog
{
    [LoggerMessage(EventId = 5100, Level = LogLevel.Warning, Message = "Redis could not be reached to coordinate a token refresh of scheme '{Scheme}'; this instance refreshes on its own (other instances may refresh the same session too).")]
    public static partial void RefreshUncoordinated(ILogger logger, string scheme, Exception exception);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Debug, Message = "A token refresh of scheme '{Scheme}' was done by another instance; its result ({Outcome}) is applied here.")]
    public static partial void RefreshShared(ILogger logger, string scheme, LinodeTokenRefreshOutcome outcome);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "The refresh lock of scheme '{Scheme}' expired while Linode was answering (this instance stalled?); another instance may refresh the same token.")]
    public static partial void RefreshLockLost(ILogger logger, string scheme);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "Another instance refreshed the same session of scheme '{Scheme}' first; the tokens this instance obtained are revoked and the other instance's are used.")]
    public static partial void RefreshRaceLostRevoking(ILogger logger, string scheme);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Information, Message = "Linode refused a refresh token of scheme '{Scheme}' that another instance had just used; that instance's result is applied instead of signing the user out.")]
    public static partial void RefreshRejectedButShared(ILogger logger, string scheme);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Warning, Message = "Gave up waiting {Timeout} for another instance's token refresh of scheme '{Scheme}'; the session keeps its current token for now.")]
    public static partial void RefreshWaitTimedOut(ILogger logger, string scheme, TimeSpan timeout);

    [LoggerMessage(EventId = 5106, Level = LogLevel.Warning, Message = "A shared token refresh in Redis could not be read (a different Data Protection key ring?); it is ignored.")]
    public static partial void SharedRefreshUnreadable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5108, Level = LogLevel.Error, Message = "The Data Protection key ring in Redis could not be read, so {Path} cannot protect or read cookies and forms; it was answered 503. This instance reads the ring again on the next request.")]
    public static partial void KeyRingUnavailable(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 5109, Level = LogLevel.Warning, Message = "The Data Protection key ring is kept in Redis unencrypted, next to the sessions and refresh results it protects: anyone who can read Redis can decrypt the Linode tokens. Encrypt it at rest (ProtectKeysWithCertificate, ProtectKeysWithAzureKeyVault, ...); see the package README, 'The key ring at rest'.")]
    public static partial void KeyRingStoredInClear(ILogger logger);

    [LoggerMessage(EventId = 5107, Level = LogLevel.Warning, Message = "The result of a token refresh of scheme '{Scheme}' could not be shared through Redis; other instances that still hold the old token will refresh on their own.")]
    public static partial void RefreshNotShared(ILogger logger, string scheme, Exception exception);
}
