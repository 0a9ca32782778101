namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>Reads <c>Retry-After</c> (seconds or an HTTP date) from any answer of Linode, the one place that does.</summary>
internal static class LinodeRetryAfter
{
    /// <summary>How long Linode asked to wait, never negative; null when it did not say.</summary>
    public static TimeSpan? Read(HttpResponseMessage response, TimeProvider time)
    {
        var retry = response.Headers.RetryAfter;
        var delay = retry?.Delta ?? (retry?.Date is { } date ? date - time.GetUtcNow() : null);
        return delay is { } value && value < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }
}
