namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>
/// The refresh rule, in one place: when a session's access token is due, what a request does about the refresh that ran
/// or runs for it (join it, leave the session alone while it backs off, or start a new one), when a failed session may
/// try again, how long a request waits for a refresh and how long a finished one is reused. The refresher, the flights,
/// the cross-instance coordination and the cookie hook (<c>Session/LinodeSessionEvents</c>) only carry it out: change the
/// rule here.
/// </summary>
internal static class LinodeRefreshRule
{
    /// <summary>The first wait after a failed refresh; it doubles with each failure in a row.</summary>
    public static readonly TimeSpan FirstBackOff = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait after failed refreshes.</summary>
    public static readonly TimeSpan LongestBackOff = TimeSpan.FromMinutes(5);

    /// <summary>How long a completed refresh is reused by requests that still carry the old cookie (Linode rotates
    /// refresh tokens, so a second call with the old one would be refused).</summary>
    public static readonly TimeSpan ReuseWindow = TimeSpan.FromMinutes(1);

    /// <summary>Whether a token that expires at <paramref name="expiresAt"/> is due: automatic refresh is on and it expires
    /// within <see cref="LinodeOptions.TokenRefreshWindow"/>. (A token whose expiry is not known is never due.)</summary>
    public static bool IsDue(LinodeOptions options, DateTimeOffset expiresAt, DateTimeOffset now) =>
        options.AutomaticTokenRefresh && expiresAt - now <= options.TokenRefreshWindow;

    /// <summary>What a request that finds the token due does, given the session's last refresh (null when none is kept).</summary>
    public static LinodeRefreshStep Next(LinodeRefreshFlight? last, DateTimeOffset now) =>
        last is null ? LinodeRefreshStep.Start(0)
        : !last.HasFailed ? LinodeRefreshStep.Join
        : now < last.RetryAt ? LinodeRefreshStep.BackOff(last.RetryAt)
        : LinodeRefreshStep.Start(last.EarlierFailures + 1);

    /// <summary>When a session may try again after a failure: Linode's <c>Retry-After</c> when it sent one, otherwise
    /// <see cref="FirstBackOff"/> doubling with each failure in a row up to <see cref="LongestBackOff"/>; never past the
    /// access token's expiry while it is still valid (once it has expired, the next request tries again at once).</summary>
    public static DateTimeOffset RetryAt(DateTimeOffset now, int failuresInARow, TimeSpan? retryAfter, DateTimeOffset accessTokenExpiresAt)
    {
        var delay = retryAfter ?? TimeSpan.FromTicks(Math.Min(FirstBackOff.Ticks << Math.Min(failuresInARow - 1, 16), LongestBackOff.Ticks));
        var retryAt = now + delay;
        return now < accessTokenExpiresAt && retryAt > accessTokenExpiresAt ? accessTokenExpiresAt : retryAt;
    }

    /// <summary>How much longer a request waits for a running refresh: until <see cref="LinodeOptions.TokenRefreshTimeout"/>
    /// after it started; then it goes on with the current token and the refresh finishes for the next request.</summary>
    public static TimeSpan WaitLeft(LinodeRefreshFlight flight, LinodeOptions options, DateTimeOffset now) =>
        flight.StartedAt + options.TokenRefreshTimeout - now;
}

/// <summary>What a request does about a due token (<see cref="LinodeRefreshRule.Next"/>).</summary>
/// <param name="Kind">Join the running or finished refresh, leave the session alone, or start a refresh.</param>
/// <param name="RetryAt">While backing off: when the session may try again.</param>
/// <param name="FailuresInARow">For a new refresh: how many refreshes of the session failed in a row before it.</param>
internal readonly record struct LinodeRefreshStep(LinodeRefreshStepKind Kind, DateTimeOffset RetryAt = default, int FailuresInARow = 0)
{
    public static LinodeRefreshStep Join => new(LinodeRefreshStepKind.Join);

    public static LinodeRefreshStep BackOff(DateTimeOffset retryAt) => new(LinodeRefreshStepKind.BackOff, retryAt);

    public static LinodeRefreshStep Start(int failuresInARow) => new(LinodeRefreshStepKind.Start, FailuresInARow: failuresInARow);
}

/// <summary>The kinds of <see cref="LinodeRefreshStep"/>.</summary>
internal enum LinodeRefreshStepKind
{
    Join,
    BackOff,
    Start,
}
