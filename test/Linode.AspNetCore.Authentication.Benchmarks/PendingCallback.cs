namespace Linode.AspNetCore.Authentication.Benchmarks;

/// <summary>A callback ready to be replayed once: the URL Linode redirected to and the correlation cookie.</summary>
public sealed record PendingCallback(string PathAndQuery, string Cookie);
