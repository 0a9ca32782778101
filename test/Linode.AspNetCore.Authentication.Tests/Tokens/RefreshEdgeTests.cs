using Linode.AspNetCore.Authentication.Testing;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;

namespace Linode.AspNetCore.Authentication.Tests.Tokens;

/// <summary>The edges of automatic refresh a user relies on: the exact window, a response that does not name scopes, the
/// token type kept, the failure's status.</summary>
public sealed class RefreshEdgeTests
{
    private static int RefreshCalls(LinodeTestHost host) =>
        host.Emulator.RequestsTo(LinodeEmulatorEndpoint.Token).Count(request => request.Form["grant_type"] == "refresh_token");

    [Fact]
    public async Task The_window_is_inclusive_to_the_tick()
    {
        var (host, _) = await TokenRefreshTests.SignedInAsync();
        await using var _ = host;

        host.Time.Advance(TimeSpan.FromHours(2) - TimeSpan.FromMinutes(5) - TimeSpan.FromTicks(1));
        await host.GetMeAsync();
        Assert.Equal(0, RefreshCalls(host));

        host.Time.Advance(TimeSpan.FromTicks(1));
        await host.GetMeAsync();
        Assert.Equal(1, RefreshCalls(host));
    }

    [Fact]
    public async Task A_refresh_answer_without_scopes_keeps_the_users_scope_claims_and_stores_the_token_type()
    {
        var (host, _) = await TokenRefreshTests.SignedInAsync(options => options.Scope.Add(LinodeScopes.Linodes.ReadOnly));
        await using var _ = host;
        host.Emulator.Faults.Add(LinodeEmulatorEndpoint.Token, LinodeEmulatorFault.Status(
            200, "{\"access_token\":\"" + new string('c', 64) + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"refresh_token\":\"" + new string('d', 64) + "\"}"), times: 1);
        host.Time.Advance(TokenRefreshTests.Due);

        var me = await host.GetMeAsync();

        Assert.Equal(new string('c', 64), me.Tokens["access_token"]);
        Assert.Equal(new string('d', 64), me.Tokens["refresh_token"]);
        Assert.Equal("Bearer", me.Tokens["token_type"]);
        Assert.Equal(["linodes:read_only"], me.ValuesOf(LinodeClaimTypes.Scope));
        Assert.Equal(host.Time.GetUtcNow().AddSeconds(3600), DateTimeOffset.Parse(me.Tokens["expires_at"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_failed_refresh_reports_Linodes_status()
    {
        var (host, _) = await TokenRefreshTests.SignedInAsync();
        await using var _ = host;
        host.Emulator.Faults.Add(LinodeEmulatorEndpoint.Token, LinodeEmulatorFault.Status(502), times: 1);
        host.Time.Advance(TokenRefreshTests.Due);

        await host.GetMeAsync();

        var result = Assert.Single(host.Refreshes);
        Assert.Equal(502, result.StatusCode);
        Assert.Equal("Linode: Failed (HTTP 502)", result.ToString());
    }
}
