namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>
/// One refresh of one refresh token, shared by every request of the session that needs it. It starts once, runs to its
/// end (bounded by the back-channel timeout) whether or not a request still waits, and is kept a while after it ended:
/// a refreshed result for requests that still carry the old cookie, a failure for the session's back-off.
/// </summary>
internal sealed class LinodeRefreshFlight
{
    private readonly Lazy<Task<LinodeRefreshedTokens>> _task;
    private int _eventRaised;
    private int _signedOut;

    public LinodeRefreshFlight(DateTimeOffset startedAt, int earlierFailures, Func<LinodeRefreshFlight, Task<LinodeRefreshedTokens>> run)
    {
        StartedAt = startedAt;
        EarlierFailures = earlierFailures;
        _task = new(() => run(this), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public DateTimeOffset StartedAt { get; }

    /// <summary>How many refreshes of this session failed in a row before this one.</summary>
    public int EarlierFailures { get; }

    /// <summary>The refresh; reading it starts it (once).</summary>
    public Task<LinodeRefreshedTokens> Task => _task.Value;

    /// <summary>Set by the refresh before it completes.</summary>
    public DateTimeOffset CompletedAt { get; set; }

    /// <summary>For a failed refresh: when the session may try again. Set before the refresh completes.</summary>
    public DateTimeOffset RetryAt { get; set; }

    /// <summary>Whether a request has put the refreshed tokens in its cookie.</summary>
    public bool Applied { get; set; }

    public bool HasFailed => Task.IsCompletedSuccessfully && Task.Result.Result.Outcome == LinodeTokenRefreshOutcome.Failed;

    /// <summary>True for the one request that raises <c>OnTokenRefreshed</c> for this refresh.</summary>
    public bool ClaimEvent() => Interlocked.Exchange(ref _eventRaised, 1) == 0;

    /// <summary>After Linode refused the refresh token: true for the one request that logs the sign-out and revokes.</summary>
    public bool ClaimSignOut() => Interlocked.Exchange(ref _signedOut, 1) == 0;

    /// <summary>Whether the flight can be forgotten: a failure after its back-off (plus the reuse window), a result after the
    /// reuse window, or, for tokens no request applied yet, once they expired. A running flight is always kept.</summary>
    public bool IsStale(DateTimeOffset now, TimeSpan reuseWindow)
    {
        if (!Task.IsCompleted)
        {
            return false;
        }

        var result = Task.Result.Result;
        return result.Outcome switch
        {
            LinodeTokenRefreshOutcome.Failed => now - RetryAt > reuseWindow,
            LinodeTokenRefreshOutcome.Refreshed when !Applied => now - CompletedAt > reuseWindow && now >= result.ExpiresAt,
            _ => now - CompletedAt > reuseWindow,
        };
    }
}
