using Linode.AspNetCore.Authentication.Testing;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;

namespace Linode.AspNetCore.Authentication.Tests.Tokens;

/// <summary>
/// A failed or slow refresh never holds a request while the access token is still valid: a request waits at most
/// <see cref="LinodeOptions.TokenRefreshTimeout"/> (5 s by default, on the app's <see cref="TimeProvider"/>) and goes on with
/// the current token; after a failure each session backs off (Retry-After when Linode sends it, otherwise 5 s doubling up to
/// 5 min), never past the token's own expiry.
/// </summary>
public sealed class RefreshBackOffTests
{
    private static readonly TimeSpan Due = Tokens.TokenRefreshTests.Due;

    private static Task<(LinodeTestHost Host, LinodeEmulatorToken First)> SignedInAsync(Action<LinodeOptions>? configure = null) =>
        Tokens.TokenRefreshTests.SignedInAsync(configure);

    private static async Task RequestsAsync(LinodeTestHost host, int count, string expectedToken)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(expectedToken, await host.GetTextAsync("/token"));
        }
    }

    [Fact]
    public async Task A_failing_token_endpoint_is_called_once_per_back_off_period()
    {
        var (host, first) = await SignedInAsync();
        await using var _ = host;
        host.Emulator.Faults.Add(LinodeEmulatorEndpoint.Token, LinodeEmulatorFault.Status(500));
        host.Time.Advance(Due);
        var start = host.Time.GetUtcNow();

        await RequestsAsync(host, 50, first.AccessToken);
        Assert.Equal(1, TokenRefreshTests.RefreshGrants(host));

        host.Time.Advance(TimeSpan.FromSeconds(4));
        await RequestsAsync(host, 10, first.AccessToken);
        Assert.Equal(1, TokenRefreshTests.RefreshGrants(host));

        host.Time.Advance(TimeSpan.FromSeconds(2));
        await RequestsAsync(host, 10, first.AccessToken);
        Assert.Equal(2, TokenRefreshTests.RefreshGrants(host));

        host.Time.Advance(TimeSpan.FromSeconds(9));
        await RequestsAsync(host, 10, first.AccessToken);
        Assert.Equal(2, TokenRefreshTests.RefreshGrants(host));

        host.Time.Advance(TimeSpan.FromSeconds(2));
        await RequestsAsync(host, 10, first.AccessToken);
        Assert.Equal(3, TokenRefreshTests.RefreshGrants(host));
        Assert.All(host.Refreshes, result => Assert.Equal(LinodeTokenRefreshOutcome.Failed, result.Outcome));
        Assert.Equal(3, host.Refreshes.Count);
        // Each failure says when the session tries again: 5 s, then 10 s, then 20 s after it.
        Assert.Equal(
            [
                BackingOff(1, start.AddSeconds(5)),
                BackingOff(2, start.AddSeconds(6 + 10)),
                BackingOff(3, start.AddSeconds(6 + 9 + 2 + 20)),
            ],
            host.Logs.Linode.Where(entry => entry.EventId.Id == 5026).Select(entry => entry.Formatted));
    }

    private static string BackingOff(int failures, DateTimeOffset retryAt) =>
        $"The refresh of scheme 'Linode' failed {failures} time(s) in a row; this session tries again from {retryAt.ToString("o", System.Globalization.CultureInfo.InvariantCulture)}.";

    [Fact]
    public async Task Parallel_requests_during_a_failure_make_one_call()
    {
        var (host, first) = await SignedInAsync();
        await using var _ = host;
        host.Emulator.Faults.Add(LinodeEmulatorEndpoint.Token, LinodeEmulatorFault.Status(503));
        host.Time.Advance(Due);

        var tokens = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => host.GetTextAsync("/token")));

        Assert.All(tokens, token => Assert.Equal(first.AccessToken, token));
        Assert.Equal(1, TokenRefreshTests.RefreshGrants(host));
    }

    [Fact]
    public async Task After_recovery_the_next_request_past_the_back_off_refreshes()
    {
        var (host, first) = await SignedInAsync();
        await using var _ = host;
        host.Emulator.Faults.Add(LinodeEmulatorEndpoint.Token, LinodeEmulatorFault.Status(500), times: 1);
        host.Time.Advance(Due);
        await RequestsAsync(host, 3, first.AccessToken);

        host.Time.Advance(TimeSpan.FromSeconds(6));
        var refreshed = await host.GetTextAsync("/token");

        Assert.Equal(2, TokenRefreshTests.RefreshGrants(host));
        Assert.Equal(host.Emulator.Tokens[1].AccessToken, refreshed);
        Assert.Equal([LinodeTokenRefreshOutcome.Failed, LinodeTokenRefreshOutcome.Refreshed], host.Refreshes.Select(result => result.Outcome));
    }

    [Theory]
    [InlineData(120, 119, 2)]           // Retry-After of a 429 is honoured: still backing off a second before it ends
    [InlineData(3600, 180, 61)]         // but never outlasts the token (due 4 minutes before expiry): retried once it expires
    public async Task Retry_After_of_a_429_is_honoured_but_the_back_off_never_outlasts_the_token(int retryAfterSeconds, int stillBackingOffSeconds, int thenRetriedSeconds)
    {
        var (host, first) = await SignedInAsync();
        await using var _ = host;
        host.Emulator.Faults.Add(LinodeEmulatorEndpoint.Token, LinodeEmulatorFault.RateLimited(retryAfterSeconds));
        host.Time.Advance(Due);
        await RequestsAsync(host, 5, first.AccessToken);

        host.Time.Advance(TimeSpan.FromSeconds(stillBackingOffSeconds));
        await RequestsAsync(host, 5, first.AccessToken);
        Assert.Equal(1, TokenRefreshTests.RefreshGrants(host));

        host.Time.Advance(TimeSpan.FromSeconds(thenRetriedSeconds));
        await RequestsAsync(host, 1, first.AccessToken);
        Assert.Equal(2, TokenRefreshTests.RefreshGrants(host));
    }

    [Fact]
    public async Task A_slow_token_endpoint_holds_a_request_only_until_the_refresh_timeout_and_its_result_is_used_later()
    {
        var (host, first) = await SignedInAsync(options => options.BackchannelTimeout = TimeSpan.FromSeconds(30));
        await using var _ = host;
        host.Emulator.Faults.Add(LinodeEmulatorEndpoint.Token, LinodeEmulatorFault.Slow(TimeSpan.FromSeconds(1.5)), times: 1);
        host.Time.Advance(Due);

        var pending = host.GetTextAsync("/token");
        await Eventually.TrueAsync(() => TokenRefreshTests.RefreshGrants(host) == 1);
        host.Time.Advance(TimeSpan.FromSeconds(5));
        var during = await pending;

        Assert.Equal(first.AccessToken, during);
        Assert.Empty(host.Refreshes);
        var stillRunning = Assert.Single(host.Logs.Linode, entry => entry.EventId.Id == 5025);
        Assert.StartsWith("The refresh of scheme 'Linode' is still running after 00:00:05; this request goes on with the current access token and a later one applies the result.", stillRunning.Message, StringComparison.Ordinal);
        await RequestsAsync(host, 10, first.AccessToken);
        Assert.Equal(1, TokenRefreshTests.RefreshGrants(host));

        await Eventually.TrueAsync(() => host.Emulator.Tokens.Count == 2);
        var after = first.AccessToken;
        for (var i = 0; i < 80 && after == first.AccessToken; i++)
        {
            await Task.Delay(25, TestContext.Current.CancellationToken);
            after = await host.GetTextAsync("/token");
        }

        Assert.Equal(host.Emulator.Tokens[1].AccessToken, after);
        Assert.Equal(1, TokenRefreshTests.RefreshGrants(host));
        Assert.Equal(LinodeTokenRefreshOutcome.Refreshed, Assert.Single(host.Refreshes).Outcome);
    }
}
