using Linode.AspNetCore.Authentication.Testing;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Linode.AspNetCore.Authentication.Tests.Security;

/// <summary>
/// With the back-channel and a user-token client from the real <c>IHttpClientFactory</c> and every logger at Trace, no
/// log entry carries a token, a code or the client secret in its formatted text <b>or in its structured state</b> (every
/// key and value, collections expanded), as Serilog or an OpenTelemetry exporter would record it.
/// </summary>
public sealed class StructuredLogSecretsTests
{
    [Fact]
    public async Task Sign_in_refresh_api_call_and_sign_out_leave_no_secret_in_log_state()
    {
        await using var host = await LinodeTestHost.StartAsync(
            options =>
            {
                options.AutomaticTokenRefresh = true;
                options.Scope.Add(LinodeScopes.Linodes.ReadOnly);
            },
            features: LinodeTestHost.HostFeatures.BackchannelFromFactory);
        using (await host.SignInAsync())
        {
        }

        host.Time.Advance(TimeSpan.FromHours(2) - TimeSpan.FromMinutes(4));
        Assert.Equal("web-1,db-1", await host.GetTextAsync("/linodes"));
        using (await host.SignOutAsync())
        {
        }

        var secrets = new List<string> { LinodeEmulatorClient.DefaultClientSecret };
        foreach (var token in host.Emulator.Tokens)
        {
            secrets.Add(token.AccessToken);
            secrets.Add(token.RefreshToken!);
        }

        foreach (var hop in host.Browser.History.Where(hop => hop.Uri.AbsolutePath == "/signin-linode"))
        {
            secrets.Add(QueryHelpers.ParseQuery(hop.Uri.Query)["code"].ToString());
        }

        Assert.Equal(2, host.Emulator.Tokens.Count);
        Assert.Equal(6, secrets.Count);
        var entries = host.Logs.Entries.Where(entry => entry.Category != "Microsoft.AspNetCore.Hosting.Diagnostics").ToList();
        Assert.Contains(entries, entry => entry.AllText.Contains("login.linode.com/oauth/token", StringComparison.Ordinal));
        Assert.Contains(entries, entry => entry.AllText.Contains("api.linode.com/v4/profile", StringComparison.Ordinal));
        Assert.Contains(entries, entry => entry.AllText.Contains("/v4/linode/instances", StringComparison.Ordinal));
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(entries, entry => entry.AllText.Contains(secret, StringComparison.Ordinal));
        }
    }
}
