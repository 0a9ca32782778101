namespace Linode.AspNetCore.Authentication.LoadTest.ScaleOut;

/// <summary>
/// The load balancer: every request to the app's public address goes to the next instance in turn, with the public Host
/// header (so every instance builds the same, registered callback URL); other URLs (the emulator) go where they say.
/// A login's hops therefore land on different instances: challenge on one, callback on the next, page on a third.
/// </summary>
internal sealed class RoundRobinBalancer(Uri publicAddress, IReadOnlyList<Uri> instances)
{
    private int _next = -1;

    public Uri PublicAddress { get; } = publicAddress;

    public (Uri Target, string? Host) Route(Uri uri)
    {
        if (!string.Equals(uri.Authority, PublicAddress.Authority, StringComparison.OrdinalIgnoreCase))
        {
            return (uri, null);
        }

        var instance = instances[(int)((uint)Interlocked.Increment(ref _next) % (uint)instances.Count)];
        return (new Uri(instance, uri.PathAndQuery), PublicAddress.Authority);
    }
}
