using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Linode.AspNetCore.Authentication;

/// <summary>Context of <see cref="LinodeEvents.OnTokenRefreshed"/>: the outcome of an automatic refresh (never the tokens).</summary>
public class LinodeTokenRefreshedContext : BaseContext<LinodeOptions>
{
    /// <summary>Initializes the context.</summary>
    /// <param name="context">The HTTP context of the request that ran the refresh.</param>
    /// <param name="scheme">The Linode scheme.</param>
    /// <param name="options">The scheme's options.</param>
    /// <param name="result">The outcome.</param>
    public LinodeTokenRefreshedContext(HttpContext context, AuthenticationScheme scheme, LinodeOptions options, LinodeTokenRefreshResult result)
        : base(context, scheme, options)
    {
        ArgumentNullException.ThrowIfNull(result);
        Result = result;
    }

    /// <summary>The outcome.</summary>
    public LinodeTokenRefreshResult Result { get; }
}
