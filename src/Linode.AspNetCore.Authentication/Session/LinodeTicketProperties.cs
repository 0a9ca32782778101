namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>Keys of <see cref="Microsoft.AspNetCore.Authentication.AuthenticationProperties.Items"/> the package reads.</summary>
internal static class LinodeTicketProperties
{
    /// <summary>Where <c>RemoteAuthenticationHandler</c> records the remote scheme that produced a ticket.</summary>
    public const string AuthSchemeKey = ".AuthScheme";
}
