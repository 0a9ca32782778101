using System.Net;

namespace Linode.AspNetCore.Authentication;

/// <summary>
/// An error answer from api.linode.com that the user-token handler recognised. Derives from
/// <see cref="HttpRequestException"/>, so code that already catches that keeps working.
/// </summary>
public class LinodeApiException : HttpRequestException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="reason">Linode's <c>errors[0].reason</c>, when sent.</param>
    public LinodeApiException(string message, HttpStatusCode statusCode, string? reason)
        : base(message, null, statusCode)
    {
        Reason = reason;
    }

    /// <summary>Linode's <c>errors[0].reason</c>, when sent.</summary>
    public string? Reason { get; }
}
