using System.Net;

namespace Linode.AspNetCore.Authentication;

/// <summary>Linode answered 429: too many requests for this token. Wait <see cref="RetryAfter"/> before trying again.</summary>
public sealed class LinodeRateLimitedException : LinodeApiException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="retryAfter">Linode's <c>Retry-After</c>, when sent.</param>
    /// <param name="reason">Linode's reason text.</param>
    public LinodeRateLimitedException(TimeSpan? retryAfter, string? reason)
        : base($"Linode rate-limited this token{(retryAfter is { } wait ? $"; retry after {(int)wait.TotalSeconds} s" : string.Empty)}.", HttpStatusCode.TooManyRequests, reason)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long to wait, from <c>Retry-After</c>.</summary>
    public TimeSpan? RetryAfter { get; }
}
