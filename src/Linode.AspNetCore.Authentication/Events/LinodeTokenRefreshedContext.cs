using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Linode.AspNetCore.Authentication;

/// <summary>Context of <see cref="LinodeEvents.OnTokenRefreshed"/>: the outcome of an automatic refresh.</summary>
public class LinodeTokenRefreshedContext : LinodeTokenEventContext<LinodeTokenRefreshResult>
{
    /// <summary>Initializes the context.</summary>
    /// <param name="context">The HTTP context of the request that observed the refresh.</param>
    /// <param name="scheme">The Linode scheme.</param>
    /// <param name="options">The scheme's options.</param>
    /// <param name="result">The outcome.</param>
    public LinodeTokenRefreshedContext(HttpContext context, AuthenticationScheme scheme, LinodeOptions options, LinodeTokenRefreshResult result)
        : base(context, scheme, options, result)
    {
    }
}
