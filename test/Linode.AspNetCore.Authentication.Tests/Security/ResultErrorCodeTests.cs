using Linode.AspNetCore.Authentication.Testing;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;

namespace Linode.AspNetCore.Authentication.Tests.Security;

/// <summary>The refresh and revocation results apps observe carry only code-shaped errors, never Linode's raw text (which
/// may echo what it was sent), the same rule as the failure page.</summary>
public sealed class ResultErrorCodeTests
{
    private const string Echo = "{\"error\":\"bad token 0123456789abcdef <script>\",\"error_description\":\"token 0123456789abcdef was refused\",\"errors\":[{\"reason\":\"token 0123456789abcdef was refused\"}]}";

    [Theory]
    [InlineData(Echo, null)]
    [InlineData("{\"errors\":[{\"reason\":\"Invalid Token: 0123456789abcdef\"}]}", null)]
    [InlineData("{\"error\":\"invalid_request\",\"error_description\":\"bad\"}", "invalid_request")]
    public async Task A_failed_revocation_carries_only_a_code(string body, string? expected)
    {
        await using var host = await LinodeTestHost.StartAsync();
        using (await host.SignInAsync())
        {
        }

        host.Emulator.Faults.Add(LinodeEmulatorEndpoint.Revoke, LinodeEmulatorFault.Status(400, body));
        using (await host.SignOutAsync())
        {
        }

        var result = Assert.Single(host.Revocations);
        Assert.Equal(LinodeTokenRevocationOutcome.Failed, result.Outcome);
        Assert.Equal(expected, result.Error);
        Assert.DoesNotContain("0123456789abcdef", result.ToString(), StringComparison.Ordinal);
        var log = Assert.Single(host.Logs.Linode, entry => entry.EventId.Id == 5011);
        Assert.StartsWith($"Revoking the Linode token of scheme 'Linode' failed: HTTP 400, error code '{expected ?? "none"}'. The local sign-out goes on.", log.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500, Echo, null)]
    [InlineData(400, "{\"error\":\"Your refresh token 0123456789abcdef is bad\"}", null)]
    [InlineData(503, "{\"error\":\"temporarily_unavailable\"}", "temporarily_unavailable")]
    public async Task A_failed_refresh_carries_only_a_code(int status, string body, string? expected)
    {
        await using var host = await LinodeTestHost.StartAsync(options => options.AutomaticTokenRefresh = true);
        using (await host.SignInAsync())
        {
        }

        host.Emulator.Faults.Add(LinodeEmulatorEndpoint.Token, LinodeEmulatorFault.Status(status, body), times: 1);
        host.Time.Advance(TimeSpan.FromHours(2) - TimeSpan.FromMinutes(4));
        await host.GetMeAsync();

        var result = Assert.Single(host.Refreshes);
        Assert.Equal(LinodeTokenRefreshOutcome.Failed, result.Outcome);
        Assert.Equal(status, result.StatusCode);
        Assert.Equal(expected, result.Error);
        Assert.DoesNotContain("0123456789abcdef", result.ToString(), StringComparison.Ordinal);
    }
}
