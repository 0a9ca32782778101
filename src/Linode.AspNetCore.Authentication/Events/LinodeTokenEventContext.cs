using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Linode.AspNetCore.Authentication;

/// <summary>The context of an event about a Linode token: the scheme, its options and the outcome (never the token).</summary>
/// <typeparam name="TResult">The outcome's type.</typeparam>
public abstract class LinodeTokenEventContext<TResult> : BaseContext<LinodeOptions>
    where TResult : LinodeTokenResult
{
    /// <summary>Initializes the context.</summary>
    /// <param name="context">The HTTP context of the request that observed the outcome.</param>
    /// <param name="scheme">The Linode scheme.</param>
    /// <param name="options">The scheme's options.</param>
    /// <param name="result">The outcome.</param>
    protected LinodeTokenEventContext(HttpContext context, AuthenticationScheme scheme, LinodeOptions options, TResult result)
        : base(context, scheme, options)
    {
        ArgumentNullException.ThrowIfNull(result);
        Result = result;
    }

    /// <summary>The outcome.</summary>
    public TResult Result { get; }
}
