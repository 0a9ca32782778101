namespace WebSample;

/// <summary>The sample's own log messages. None carries a token, a password or a Linode response body.</summary>
internal static partial class SampleLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "A call to Linode's API failed ({ExceptionType}); the page says to try again later.")]
    public static partial void LinodeApiUnavailable(this ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Created Linode {LinodeId} ({Region}, {Plan}) for the signed-in user.")]
    public static partial void LinodeCreated(this ILogger logger, long linodeId, string region, string plan);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Linode's API refused or failed the {Operation} call ({ExceptionType}); the user was shown a page.")]
    public static partial void LinodeApiFailed(this ILogger logger, string operation, string exceptionType);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Deleted Linode {LinodeId} for the signed-in user.")]
    public static partial void LinodeDeleted(this ILogger logger, long linodeId);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "The user disconnected Linode: token revocation {Outcome}.")]
    public static partial void LinodeDisconnected(this ILogger logger, string outcome);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Gave back a deployment's access to the user's account ({When}): token revocation {Outcome}.")]
    public static partial void DeployAccessGivenBack(this ILogger logger, string when, string outcome);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Could not give back a deployment's access to the user's account ({ExceptionType}).")]
    public static partial void DeployAccessGiveBackFailed(this ILogger logger, string exceptionType);
}
