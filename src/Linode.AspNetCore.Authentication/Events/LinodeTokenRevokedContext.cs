using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Linode.AspNetCore.Authentication;

/// <summary>Context of <see cref="LinodeEvents.OnTokenRevoked"/>: which scheme's token was revoked and how it went.</summary>
public class LinodeTokenRevokedContext : LinodeTokenEventContext<LinodeTokenRevocationResult>
{
    /// <summary>Initializes the context.</summary>
    /// <param name="context">The HTTP context.</param>
    /// <param name="scheme">The Linode scheme.</param>
    /// <param name="options">The scheme's options.</param>
    /// <param name="result">The outcome.</param>
    public LinodeTokenRevokedContext(HttpContext context, AuthenticationScheme scheme, LinodeOptions options, LinodeTokenRevocationResult result)
        : base(context, scheme, options, result)
    {
    }
}
