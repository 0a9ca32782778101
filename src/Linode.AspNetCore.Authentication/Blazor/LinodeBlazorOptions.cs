namespace Linode.AspNetCore.Authentication;

/// <summary>Settings of <see cref="Microsoft.Extensions.DependencyInjection.LinodeBlazorExtensions.AddLinodeBlazor"/>.</summary>
public sealed class LinodeBlazorOptions
{
    /// <summary>How often a circuit checks that its user's session still exists; a session ended elsewhere (sign-out in
    /// another tab or on another instance, a refresh Linode refused, expiry) makes the circuit's user anonymous within this
    /// interval. It also bounds how long a circuit serves its API calls from its own copy of the token (not due, not expired)
    /// without reading the session store. One distributed-cache read per circuit per interval. Defaults to 30 seconds; at
    /// least 1 second.</summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromSeconds(30);
}
