using System.Net;

namespace Linode.AspNetCore.Authentication;

/// <summary>
/// Linode answered 401 <c>Invalid Token</c> (expired, revoked or unknown), or there was no signed-in Linode user to take a
/// token from. Signing the user in again fixes it.
/// </summary>
public sealed class LinodeInvalidTokenException : LinodeApiException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="reason">Linode's reason text, when Linode answered.</param>
    public LinodeInvalidTokenException(string message, string? reason)
        : base(message, HttpStatusCode.Unauthorized, reason)
    {
    }
}
