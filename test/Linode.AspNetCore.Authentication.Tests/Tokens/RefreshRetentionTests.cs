namespace Linode.AspNetCore.Authentication.Tests.Tokens;

/// <summary>How long a session remembers a refresh and when it may try again after a failure: the rules that decide whether
/// a request with an old cookie still gets the refreshed tokens, and how hard a failing Linode is retried.</summary>
public sealed class RefreshRetentionTests
{
    private static readonly DateTimeOffset Start = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = LinodeRefreshRule.ReuseWindow;
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    private static LinodeRefreshFlight Completed(LinodeTokenRefreshOutcome outcome, DateTimeOffset? expiresAt = null)
    {
        var tokens = new LinodeRefreshedTokens(new LinodeTokenRefreshResult("Linode", outcome, expiresAt), "access", "refresh", "bearer", null);
        var flight = new LinodeRefreshFlight(Start, 0, _ => Task.FromResult(tokens)) { CompletedAt = Start };
        Assert.True(flight.Task.IsCompleted);
        return flight;
    }

    [Fact]
    public void A_refresh_still_running_is_never_forgotten()
    {
        var pending = new TaskCompletionSource<LinodeRefreshedTokens>();
        var flight = new LinodeRefreshFlight(Start, 0, _ => pending.Task);

        Assert.False(flight.IsStale(Start.AddDays(1), Window));
        Assert.False(flight.HasFailed);
    }

    [Theory]
    [InlineData(LinodeTokenRefreshOutcome.Refreshed)]
    [InlineData(LinodeTokenRefreshOutcome.Rejected)]
    public void An_applied_refresh_or_a_rejection_is_reused_for_exactly_the_reuse_window(LinodeTokenRefreshOutcome outcome)
    {
        var flight = Completed(outcome, Start.AddHours(2));
        flight.Applied = true;

        Assert.False(flight.IsStale(Start + Window, Window));
        Assert.True(flight.IsStale(Start + Window + Tick, Window));
    }

    [Fact]
    public void Refreshed_tokens_no_request_applied_yet_are_kept_until_the_window_has_passed_and_they_expired()
    {
        var expiresAt = Start.AddHours(2);
        var flight = Completed(LinodeTokenRefreshOutcome.Refreshed, expiresAt);

        Assert.False(flight.IsStale(Start + Window + Tick, Window));
        Assert.False(flight.IsStale(expiresAt - Tick, Window));
        Assert.True(flight.IsStale(expiresAt, Window));

        // Expired but still inside the reuse window (a token that lived less than a minute): kept.
        var shortLived = Completed(LinodeTokenRefreshOutcome.Refreshed, Start.AddSeconds(10));
        Assert.False(shortLived.IsStale(Start + Window, Window));
        Assert.True(shortLived.IsStale(Start + Window + Tick, Window));
    }

    [Fact]
    public void A_failure_is_remembered_until_a_reuse_window_after_its_retry_time()
    {
        var flight = Completed(LinodeTokenRefreshOutcome.Failed);
        flight.RetryAt = Start.AddSeconds(5);

        Assert.True(flight.HasFailed);
        Assert.False(flight.IsStale(flight.RetryAt + Window, Window));
        Assert.True(flight.IsStale(flight.RetryAt + Window + Tick, Window));
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(6, 160)]
    [InlineData(7, 300)]
    [InlineData(40, 300)]
    public void Without_Retry_After_the_back_off_starts_at_5_seconds_and_doubles_up_to_5_minutes(int failuresInARow, int seconds)
    {
        var retryAt = LinodeRefreshRule.RetryAt(Start, failuresInARow, retryAfter: null, accessTokenExpiresAt: Start.AddHours(1));

        Assert.Equal(Start.AddSeconds(seconds), retryAt);
    }

    [Fact]
    public void Linodes_Retry_After_replaces_the_computed_back_off()
    {
        Assert.Equal(Start.AddSeconds(42), LinodeRefreshRule.RetryAt(Start, 3, TimeSpan.FromSeconds(42), Start.AddHours(1)));
        Assert.Equal(Start.AddMinutes(20), LinodeRefreshRule.RetryAt(Start, 1, TimeSpan.FromMinutes(20), Start.AddHours(1)));
    }

    [Fact]
    public void The_back_off_never_waits_past_the_expiry_of_a_still_valid_access_token()
    {
        var expiresAt = Start.AddSeconds(3);

        Assert.Equal(expiresAt, LinodeRefreshRule.RetryAt(Start, 1, null, expiresAt));
        Assert.Equal(expiresAt, LinodeRefreshRule.RetryAt(Start, 1, TimeSpan.FromSeconds(30), expiresAt));
        Assert.Equal(Start.AddSeconds(5), LinodeRefreshRule.RetryAt(Start, 1, null, Start.AddSeconds(5)));
        Assert.Equal(Start.AddSeconds(5), LinodeRefreshRule.RetryAt(Start, 1, null, Start.AddSeconds(5) + Tick));
    }

    [Fact]
    public void Once_the_access_token_has_expired_the_normal_back_off_applies()
    {
        Assert.Equal(Start.AddSeconds(5), LinodeRefreshRule.RetryAt(Start, 1, null, Start));
        Assert.Equal(Start.AddSeconds(10), LinodeRefreshRule.RetryAt(Start, 2, null, Start.AddMinutes(-1)));
    }
}
