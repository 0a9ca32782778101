using Linode.AspNetCore.Authentication.Testing;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Linode.AspNetCore.Authentication.Tests.Security;

/// <summary>
/// Runs sign-in, failures and sign-out with every logger at Trace and checks that no log line (message, structured
/// values or exception text) contains a token, an authorization code or the client secret. The one category left
/// out is ASP.NET Core's own request logging (Microsoft.AspNetCore.Hosting.Diagnostics), which prints request URLs,
/// and therefore the code on the callback URL, in any app that turns it on: it is not this package's output.
/// </summary>
public sealed class NoSecretsInLogsTests
{
    private static List<string> Secrets(LinodeTestHost host)
    {
        var secrets = new List<string> { LinodeEmulatorClient.DefaultClientSecret };
        foreach (var token in host.Emulator.Tokens)
        {
            secrets.Add(token.AccessToken);
            secrets.Add(token.RefreshToken!);
        }

        foreach (var hop in host.Browser.History.Where(hop => hop.Uri.AbsolutePath == "/signin-linode"))
        {
            if (QueryHelpers.ParseQuery(hop.Uri.Query).TryGetValue("code", out var code))
            {
                secrets.Add(code.ToString());
            }
        }

        return secrets;
    }

    private static void AssertNoSecrets(LinodeTestHost host, int expectedSecrets)
    {
        var secrets = Secrets(host);
        Assert.True(secrets.Count >= expectedSecrets, $"only {secrets.Count} secrets collected");
        var lines = host.Logs.Entries.Where(entry => entry.Category != "Microsoft.AspNetCore.Hosting.Diagnostics").ToList();
        Assert.NotEmpty(host.Logs.Linode);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(lines, line => line.AllText.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Sign_in_and_sign_out_log_no_secret()
    {
        await using var host = await LinodeTestHost.StartAsync(options => options.UsePkce = true);
        using (await host.SignInAsync())
        {
        }

        using (await host.SignOutAsync())
        {
        }

        Assert.Contains(host.Logs.Linode, entry => entry.EventId.Id == 5010);
        AssertNoSecrets(host, expectedSecrets: 4);
    }

    [Fact]
    public async Task Failures_log_no_secret_even_when_Linode_echoes_them()
    {
        var emulator = LinodeTestHost.NewEmulator();
        await using var host = await LinodeTestHost.StartAsync(emulator: emulator);
        using (await host.SignInAsync())
        {
        }

        var token = Assert.Single(emulator.Tokens);
        emulator.Faults.Add(LinodeEmulatorEndpoint.Revoke, LinodeEmulatorFault.Status(400, "{\"error\":\"invalid_request\",\"error_description\":\"bad request\"}"));
        using (await host.SignOutAsync())
        {
        }

        emulator.Faults.Add(LinodeEmulatorEndpoint.Token, LinodeEmulatorFault.Status(400, "{\"error\":\"invalid_grant\",\"error_description\":\"the code was bad\"}"));
        using (await host.SignInAsync())
        {
        }

        emulator.Faults.Add(LinodeEmulatorEndpoint.Profile, LinodeEmulatorFault.Status(401, "{\"errors\":[{\"reason\":\"Invalid Token\"}]}"));
        using (await host.SignInAsync())
        {
        }

        Assert.Contains(host.Logs.Linode, entry => entry.EventId.Id == 5004);
        Assert.Contains(host.Logs.Linode, entry => entry.EventId.Id == 5011);
        AssertNoSecrets(host, expectedSecrets: 6);
        Assert.True(token.AccessToken.Length == 64);
    }

    [Fact]
    public async Task Error_bodies_are_logged_only_at_debug_and_truncated()
    {
        var emulator = LinodeTestHost.NewEmulator();
        var longReason = new string('x', 2000);
        emulator.Faults.Add(LinodeEmulatorEndpoint.Token, LinodeEmulatorFault.Status(500, "{\"errors\":[{\"reason\":\"" + longReason + "\"}]}"));
        await using var host = await LinodeTestHost.StartAsync(emulator: emulator);

        using (await host.SignInAsync())
        {
        }

        var body = Assert.Single(host.Logs.Linode, entry => entry.EventId.Id == 5004);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Debug, body.Level);
        Assert.DoesNotContain(new string('x', 600), body.Message, StringComparison.Ordinal);
        Assert.Contains(new string('x', 400), body.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Logs.Linode.Where(entry => entry.Level > Microsoft.Extensions.Logging.LogLevel.Debug), entry => entry.Message.Contains("xxxxxxxx", StringComparison.Ordinal));
    }
}
