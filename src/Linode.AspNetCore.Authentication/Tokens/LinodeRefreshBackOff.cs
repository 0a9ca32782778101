namespace Linode.AspNetCore.Authentication;

/// <summary>When a session may try a refresh again after a failure: Linode's <c>Retry-After</c> when it sent one, otherwise
/// 5 seconds doubling with each failure in a row up to 5 minutes; never past the access token's expiry while it is still
/// valid (once it has expired, the next request tries again at once).</summary>
internal static class LinodeRefreshBackOff
{
    public static readonly TimeSpan First = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(5);

    public static DateTimeOffset RetryAt(DateTimeOffset now, int failuresInARow, TimeSpan? retryAfter, DateTimeOffset accessTokenExpiresAt)
    {
        var delay = retryAfter ?? TimeSpan.FromTicks(Math.Min(First.Ticks << Math.Min(failuresInARow - 1, 16), Longest.Ticks));
        var retryAt = now + delay;
        return now < accessTokenExpiresAt && retryAt > accessTokenExpiresAt ? accessTokenExpiresAt : retryAt;
    }
}
