using System.Security.Claims;
using Linode.AspNetCore.Authentication.Testing;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;
using Linode.AspNetCore.Authentication.Tests.Session;
using Linode.AspNetCore.Authentication.Tests.Shared;
using Linode.AspNetCore.Authentication.Tests.Tokens;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;

namespace Linode.AspNetCore.Authentication.Tests.Blazor;

/// <summary>
/// <c>AddLinodeBlazor()</c> without a browser: a circuit is a DI scope whose authentication state holds the user and
/// whose inbound activities run through the circuit handlers, as Blazor runs them. A typed client called there, with no
/// <c>HttpContext</c>, carries the circuit user's token, refreshes it once with the session's requests, and after a
/// sign-out elsewhere the circuit's user turns anonymous and the next call sends nothing.
/// </summary>
public sealed class CircuitTokenTests
{
    private static async Task<(LinodeTestHost Host, ClaimsPrincipal User)> SignedInAsync(TimeSpan? revalidation = null, FaultyDistributedCache? cache = null)
    {
        var host = await LinodeTestHost.StartAsync(addSchemes: (authentication, test) =>
        {
            authentication.Services.AddSingleton<IDistributedCache>(cache ?? new FaultyDistributedCache());
            authentication.Services.AddLinodeBlazor(options => options.RevalidationInterval = revalidation ?? TimeSpan.FromMinutes(5));
            authentication.AddLinode(options =>
            {
                options.AutomaticTokenRefresh = true;
                options.Scope.Add(LinodeScopes.Linodes.ReadOnly);
                test.Instrument(options);
            }).AddLinodeDistributedSessions();
        });
        using (await host.SignInAsync())
        {
        }

        var me = await host.GetMeAsync();
        return (host, new ClaimsPrincipal(new ClaimsIdentity(me.Claims.Select(claim => new Claim(claim.Type, claim.Value, claim.ValueType, claim.Issuer)), "Linode")));
    }

    /// <summary>The typed client's call from the circuit, where no request (no <c>HttpContext</c>) is to be found.</summary>
    private static Task<IReadOnlyList<string>> ListInCircuitAsync(TestCircuit circuit) => circuit.RunAsync(services =>
    {
        Assert.Null(services.GetRequiredService<IHttpContextAccessor>().HttpContext);
        return services.GetRequiredService<LinodeInstancesClient>().GetLabelsAsync();
    });

    [Fact]
    public async Task A_typed_client_called_in_a_circuit_without_HttpContext_carries_the_circuit_users_token()
    {
        var (host, user) = await SignedInAsync();
        await using var _ = host;
        await using var circuit = TestCircuit.Start(host.Services, user);

        var labels = await ListInCircuitAsync(circuit);

        Assert.Equal(["web-1", "db-1"], labels);
        var call = Assert.Single(host.Emulator.RequestsTo(LinodeEmulatorEndpoint.LinodeInstances));
        Assert.Equal("Bearer " + Assert.Single(host.Emulator.Tokens).AccessToken, call.Headers["Authorization"]);
    }

    [Fact]
    public async Task A_token_due_while_the_circuit_lives_is_refreshed_once_for_the_circuit_and_the_sessions_requests()
    {
        var (host, user) = await SignedInAsync();
        await using var _ = host;
        await using var circuit = TestCircuit.Start(host.Services, user);
        host.Time.Advance(TokenRefreshTests.Due);

        await ListInCircuitAsync(circuit);
        await ListInCircuitAsync(circuit);
        host.Time.Advance(TimeSpan.FromMinutes(2));
        var page = await host.GetMeAsync();

        Assert.Equal(1, TokenRefreshTests.RefreshGrants(host));
        var refreshed = host.Emulator.Tokens[^1].AccessToken;
        Assert.All(host.Emulator.RequestsTo(LinodeEmulatorEndpoint.LinodeInstances), call => Assert.Equal("Bearer " + refreshed, call.Headers["Authorization"]));
        Assert.Equal(refreshed, page.Tokens["access_token"]);
    }

    [Fact]
    public async Task After_a_sign_out_elsewhere_the_circuits_user_turns_anonymous_within_the_interval_and_its_next_call_sends_nothing()
    {
        var (host, user) = await SignedInAsync(revalidation: TimeSpan.FromSeconds(1));
        await using var _ = host;
        await using var circuit = TestCircuit.Start(host.Services, user);
        var provider = circuit.Services.GetRequiredService<AuthenticationStateProvider>();
        var anonymous = new TaskCompletionSource<ClaimsPrincipal>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.AuthenticationStateChanged += async state => anonymous.TrySetResult((await state).User);

        using (await host.SignOutAsync())
        {
        }

        var after = await anonymous.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        var refused = await Assert.ThrowsAsync<LinodeInvalidTokenException>(() =>
            ListInCircuitAsync(circuit));

        Assert.False(after.Identity?.IsAuthenticated);
        Assert.Equal("No user is signed in with Linode.", refused.Message);
        Assert.Empty(host.Emulator.RequestsTo(LinodeEmulatorEndpoint.LinodeInstances));
    }

    [Fact]
    public async Task A_circuit_reads_the_session_store_once_then_serves_its_calls_from_its_copy_until_the_interval_or_the_refresh_window()
    {
        var cache = new FaultyDistributedCache();
        var (host, user) = await SignedInAsync(revalidation: TimeSpan.FromMinutes(5), cache: cache);
        await using var _ = host;
        await using var circuit = TestCircuit.Start(host.Services, user);
        int SessionReads() => cache.Reads.Count(key => key.StartsWith("Linode.Session", StringComparison.Ordinal));
        var before = SessionReads();

        for (var call = 0; call < 5; call++)
        {
            await ListInCircuitAsync(circuit);
        }

        var afterFive = SessionReads() - before;
        host.Time.Advance(TimeSpan.FromMinutes(5));
        await ListInCircuitAsync(circuit);
        var afterInterval = SessionReads() - before;
        host.Time.Advance(TokenRefreshTests.Due - TimeSpan.FromMinutes(5));
        await ListInCircuitAsync(circuit);

        Assert.Equal(1, afterFive);
        Assert.Equal(2, afterInterval);
        Assert.Equal(1, TokenRefreshTests.RefreshGrants(host));
        Assert.Equal(7, host.Emulator.RequestsTo(LinodeEmulatorEndpoint.LinodeInstances).Count);
        Assert.Equal("Bearer " + host.Emulator.Tokens[^1].AccessToken, host.Emulator.RequestsTo(LinodeEmulatorEndpoint.LinodeInstances)[^1].Headers["Authorization"]);
    }

    [Fact]
    public async Task A_token_revoked_at_Linode_ends_the_session_the_circuit_turns_anonymous_and_the_sessions_requests_sign_in_again()
    {
        var (host, user) = await SignedInAsync(revalidation: TimeSpan.FromSeconds(1));
        await using var _ = host;
        await using var circuit = TestCircuit.Start(host.Services, user);
        await ListInCircuitAsync(circuit);
        var provider = circuit.Services.GetRequiredService<AuthenticationStateProvider>();
        var anonymous = new TaskCompletionSource<ClaimsPrincipal>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.AuthenticationStateChanged += async state => anonymous.TrySetResult((await state).User);
        using (var http = new HttpClient(host.Emulator.CreateHttpMessageHandler()))
        using (var revoke = await http.PostAsync("https://login.linode.com/oauth/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = LinodeEmulatorClient.DefaultClientId, ["client_secret"] = LinodeEmulatorClient.DefaultClientSecret,
            ["token"] = Assert.Single(host.Emulator.Tokens).AccessToken,
        }), TestContext.Current.CancellationToken))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, revoke.StatusCode); // as the user would in Linode's Cloud Manager
        }

        var refused = await Assert.ThrowsAsync<LinodeInvalidTokenException>(() =>
            ListInCircuitAsync(circuit));
        var after = await anonymous.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        using var page = await host.Browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, LinodeTestHost.AppBase + "/me"));

        Assert.Equal("Invalid Token", refused.Reason);
        Assert.False(after.Identity?.IsAuthenticated);
        Assert.Equal(System.Net.HttpStatusCode.Found, page.StatusCode);
        Assert.Equal("login.linode.com", page.Headers.Location?.Host);
    }

    [Fact]
    public async Task A_circuit_whose_session_lives_keeps_its_user()
    {
        var (host, user) = await SignedInAsync(revalidation: TimeSpan.FromSeconds(1));
        await using var _ = host;
        await using var circuit = TestCircuit.Start(host.Services, user);
        var changed = false;
        circuit.Services.GetRequiredService<AuthenticationStateProvider>().AuthenticationStateChanged += _ => changed = true;

        await Task.Delay(TimeSpan.FromSeconds(2.5), TestContext.Current.CancellationToken);

        Assert.False(changed);
        Assert.True((await circuit.Services.GetRequiredService<AuthenticationStateProvider>().GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
    }

    [Fact]
    public async Task AddLinodeBlazor_without_server_side_sessions_fails_at_start_naming_the_line_to_add()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => LinodeTestHost.StartAsync(addSchemes: (authentication, test) =>
        {
            authentication.Services.AddLinodeBlazor();
            authentication.AddLinode(options => test.Instrument(options));
        }));

        Assert.Contains("AddLinodeBlazor()", failure.Message, StringComparison.Ordinal);
        Assert.Contains("add .AddLinodeDistributedSessions() after .AddCookie(...)", failure.Message, StringComparison.Ordinal);
    }
}
