using System.Collections.Concurrent;
using Linode.AspNetCore.Authentication.Testing;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Linode.AspNetCore.Authentication.Tests.Configuration;

/// <summary>The parts a multi-instance deployment replaces are services registered with <c>TryAdd</c>: an app's own
/// registration wins and every path goes through it.</summary>
public sealed class ExtensionPointTests
{
    [Fact]
    public async Task An_apps_revoker_receives_every_sign_out_revocation()
    {
        var revoker = new RecordingRevoker();
        await using var host = await LinodeTestHost.StartAsync(addSchemes: (authentication, test) =>
        {
            authentication.Services.AddSingleton<ILinodeTokenRevoker>(revoker);
            authentication.AddLinode(test.Instrument);
        });
        using (await host.SignInAsync())
        {
        }

        using (await host.SignOutAsync())
        {
        }

        var (scheme, token) = Assert.Single(revoker.Calls);
        Assert.Equal(LinodeDefaults.AuthenticationScheme, scheme);
        Assert.Equal(Assert.Single(host.Emulator.Tokens).AccessToken, token);
        Assert.Empty(host.Emulator.RequestsTo(LinodeEmulatorEndpoint.Revoke));
        Assert.Same(revoker, host.Services.GetRequiredService<ILinodeTokenRevoker>());
    }

    [Fact]
    public async Task A_refresh_another_instance_already_made_is_applied_without_calling_Linode()
    {
        var synchronization = new SharedResultSynchronization();
        await using var host = await LinodeTestHost.StartAsync(addSchemes: (authentication, test) =>
        {
            authentication.Services.AddSingleton<ILinodeTokenRefreshSynchronization>(synchronization);
            authentication.AddLinode(options =>
            {
                options.AutomaticTokenRefresh = true;
                test.Instrument(options);
            });
        });
        using (await host.SignInAsync())
        {
        }

        var first = Assert.Single(host.Emulator.Tokens);
        var shared = host.Emulator.IssueAccessToken("exampleUser", []);
        synchronization.Shared = new LinodeRefreshedTokens(
            new LinodeTokenRefreshResult(LinodeDefaults.AuthenticationScheme, LinodeTokenRefreshOutcome.Refreshed, host.Time.GetUtcNow().AddHours(2)),
            shared.AccessToken, shared.RefreshToken, "bearer", null);
        host.Time.Advance(TimeSpan.FromHours(2) - TimeSpan.FromMinutes(4));

        var token = await host.GetTextAsync("/token");

        Assert.Equal(shared.AccessToken, token);
        var key = Assert.Single(synchronization.Keys);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(first.RefreshToken!))), key);
        Assert.DoesNotContain(host.Emulator.RequestsTo(LinodeEmulatorEndpoint.Token), request => request.Form["grant_type"] == "refresh_token");
        Assert.Equal(LinodeTokenRefreshOutcome.Refreshed, Assert.Single(host.Refreshes).Outcome);
        Assert.Equal(shared.RefreshToken, (await host.GetMeAsync()).Tokens["refresh_token"]);
    }

    [Fact]
    public void The_refreshed_tokens_never_print_a_token()
    {
        var tokens = new LinodeRefreshedTokens(new LinodeTokenRefreshResult("Linode", LinodeTokenRefreshOutcome.Refreshed), new string('a', 64), new string('b', 64), "bearer", null);

        Assert.Equal("Linode: Refreshed", tokens.ToString());
    }

    private sealed class RecordingRevoker : ILinodeTokenRevoker
    {
        public ConcurrentQueue<(string Scheme, string? Token)> Calls { get; } = new();

        public Task<LinodeTokenRevocationResult> RevokeAsync(HttpContext context, string scheme, string? accessToken, CancellationToken cancellationToken = default)
        {
            Calls.Enqueue((scheme, accessToken));
            return Task.FromResult(new LinodeTokenRevocationResult(scheme, LinodeTokenRevocationOutcome.Revoked, 200));
        }
    }

    private sealed class SharedResultSynchronization : ILinodeTokenRefreshSynchronization
    {
        public LinodeRefreshedTokens? Shared { get; set; }

        public ConcurrentQueue<string> Keys { get; } = new();

        public Task<LinodeRefreshedTokens> RefreshOnceAsync(string scheme, string key, Func<Task<LinodeRefreshedTokens>> refresh)
        {
            Keys.Enqueue(key);
            return Shared is { } shared ? Task.FromResult(shared) : refresh();
        }
    }
}
