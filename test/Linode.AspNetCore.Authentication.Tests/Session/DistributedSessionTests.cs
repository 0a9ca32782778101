using System.Net;
using System.Text;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Linode.AspNetCore.Authentication.Tests.Session;

/// <summary>
/// <c>AddLinodeDistributedSessions()</c> over any <see cref="IDistributedCache"/> (here Microsoft's in-memory one): the
/// cookie carries a session key, the ticket is stored protected under the prefix until it expires, sign-out deletes it,
/// and a store that is gone, unreadable or unreachable makes the user sign in again — never a 5xx.
/// </summary>
public sealed class DistributedSessionTests
{
    private const string Prefix = "Linode.Session:";

    private static async Task<(LinodeTestHost Host, FaultyDistributedCache Cache)> StartAsync()
    {
        var cache = new FaultyDistributedCache();
        var host = await LinodeTestHost.StartAsync(addSchemes: (authentication, test) =>
        {
            authentication.Services.AddSingleton<IDistributedCache>(cache);
            authentication.AddLinode(options => test.Instrument(options)).AddLinodeDistributedSessions();
        });
        return (host, cache);
    }

    private static string SessionCookie(LinodeTestHost host) =>
        host.Browser.Cookies.GetCookies(new Uri(LinodeTestHost.AppBase)).Single(cookie => cookie.Name == ".AspNetCore.Cookies").Value;

    [Fact]
    public async Task The_ticket_is_stored_protected_under_the_prefix_until_it_expires_and_the_cookie_carries_only_a_key()
    {
        var (host, cache) = await StartAsync();
        await using var _ = host;

        using var signIn = await host.SignInAsync();
        var me = await host.GetMeAsync();

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal("exampleUser", me.ValuesOf(System.Security.Claims.ClaimTypes.Name).Single());
        var (key, value, options) = Assert.Single(cache.Writes);
        Assert.StartsWith(Prefix, key, StringComparison.Ordinal);
        Assert.Equal(43, key.Length - Prefix.Length);
        var accessToken = host.Emulator.Tokens.Single().AccessToken;
        Assert.DoesNotContain(accessToken, Encoding.UTF8.GetString(value), StringComparison.Ordinal);
        Assert.DoesNotContain("exampleUser", Encoding.UTF8.GetString(value), StringComparison.Ordinal);
        var ticket = host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);
        Assert.Equal(host.Time.GetUtcNow() + ticket.ExpireTimeSpan, options.AbsoluteExpiration);
        Assert.Null(options.SlidingExpiration);
        Assert.True(SessionCookie(host).Length < 400, "The cookie should hold only the protected session key.");
        Assert.DoesNotContain(host.Logs.Entries, entry => entry.EventId.Id is 5050 or 5051 or 5052 or 5053);
    }

    [Fact]
    public async Task Sign_out_deletes_the_session_so_a_replayed_cookie_is_refused()
    {
        var (host, cache) = await StartAsync();
        await using var _ = host;
        using (await host.SignInAsync())
        {
        }

        var cookie = SessionCookie(host);
        var key = cache.Writes.Single().Key;

        using var signOut = await host.SignOutAsync();
        var replay = host.CreateBrowser();
        replay.Cookies.Add(new Uri(LinodeTestHost.AppBase), new Cookie(".AspNetCore.Cookies", cookie));
        using var replayed = await replay.SendAsync(new HttpRequestMessage(HttpMethod.Get, LinodeTestHost.AppBase + "/me"));

        Assert.Equal([key], cache.Removals);
        Assert.Equal(HttpStatusCode.Found, replayed.StatusCode);
        Assert.Equal("login.linode.com", replayed.Headers.Location?.Host);
        Assert.Contains(host.Logs.Entries, entry => entry.EventId.Id == 5054 && entry.Level == LogLevel.Debug && entry.Message.Contains("'Cookies'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("evicted", 5051, LogLevel.Debug)]
    [InlineData("unreadable", 5052, LogLevel.Warning)]
    [InlineData("unreachable", 5050, LogLevel.Warning)]
    public async Task A_session_the_store_cannot_give_back_means_signing_in_again_not_an_error(string kind, int eventId, LogLevel level)
    {
        var (host, cache) = await StartAsync();
        await using var _ = host;
        using (await host.SignInAsync())
        {
        }

        var key = cache.Writes.Single().Key;
        switch (kind)
        {
            case "evicted":
                await cache.EvictAsync(key);
                break;
            case "unreadable":
                await cache.CorruptAsync(key);
                break;
            default:
                cache.Failing["get"] = true;
                break;
        }

        using var response = await host.Browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, LinodeTestHost.AppBase + "/me"));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("login.linode.com", response.Headers.Location?.Host);
        var entry = Assert.Single(host.Logs.Entries, entry => entry.EventId.Id == eventId);
        Assert.Equal(level, entry.Level);
        Assert.Contains("'Cookies'", entry.Message, StringComparison.Ordinal);
        Assert.Equal(kind == "unreachable", entry.Message.Contains("could not be reached to read a session", StringComparison.Ordinal));
        Assert.Equal(kind != "evicted", entry.Exception is { Length: > 0 });
    }

    [Fact]
    public async Task A_sign_in_whose_session_cannot_be_stored_fails_cleanly_and_revokes_the_new_token()
    {
        var (host, cache) = await StartAsync();
        await using var _ = host;
        cache.Failing["set"] = true;

        using var response = await host.SignInAsync();

        Assert.True((int)response.StatusCode < 500, $"status {(int)response.StatusCode}");
        Assert.DoesNotContain(host.Browser.Cookies.GetCookies(new Uri(LinodeTestHost.AppBase)), cookie => cookie.Name == ".AspNetCore.Cookies");
        Assert.All(host.Emulator.Tokens, token => Assert.False(host.Emulator.IsAccessTokenActive(token.AccessToken)));
        Assert.NotEmpty(host.Emulator.Tokens);
    }

    [Fact]
    public async Task A_sign_out_that_cannot_delete_the_session_is_logged_as_an_error_and_still_revokes()
    {
        var (host, cache) = await StartAsync();
        await using var _ = host;
        using (await host.SignInAsync())
        {
        }

        cache.Failing["remove"] = true;
        using var signOut = await host.SignOutAsync();

        Assert.True((int)signOut.StatusCode < 500, $"status {(int)signOut.StatusCode}");
        var entry = Assert.Single(host.Logs.Entries, entry => entry.EventId.Id == 5053);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Contains("The session store is unreachable (remove).", entry.Exception, StringComparison.Ordinal);
        Assert.False(host.Emulator.IsAccessTokenActive(host.Emulator.Tokens.Single().AccessToken));
    }

    [Fact]
    public async Task A_renewal_the_store_refuses_keeps_the_previous_session_and_is_logged()
    {
        var (host, cache) = await StartAsync();
        await using var _ = host;
        using (await host.SignInAsync())
        {
        }

        cache.Failing["set"] = true;
        host.Time.Advance(TimeSpan.FromDays(8));   // past half of the 14-day cookie: the cookie handler renews
        using var renewed = await host.Browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, LinodeTestHost.AppBase + "/me"));
        cache.Failing.Clear();
        using var again = await host.Browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, LinodeTestHost.AppBase + "/me"));

        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        var entry = Assert.Single(host.Logs.Entries, entry => entry.EventId.Id == 5050);
        Assert.Contains("could not be reached to renew a session", entry.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Without_a_distributed_cache_the_first_use_names_the_call_that_is_missing()
    {
        await using var host = await LinodeTestHost.StartAsync(addSchemes: (authentication, test) =>
            authentication.AddLinode(options => test.Instrument(options)).AddLinodeDistributedSessions());

        var exception = Assert.Throws<InvalidOperationException>(() =>
            host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme));

        Assert.StartsWith("AddLinodeDistributedSessions(\"Cookies\") keeps sessions in an IDistributedCache, and none is registered", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ticket_without_an_expiry_is_kept_fourteen_days_by_the_apps_clock_and_a_null_ticket_is_refused()
    {
        var (host, cache) = await StartAsync();
        await using var _ = host;
        var store = host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme).SessionStore!;
        var ticket = new AuthenticationTicket(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity("test")), new AuthenticationProperties(), CookieAuthenticationDefaults.AuthenticationScheme);

        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        var key = await store.StoreAsync(ticket, http, TestContext.Current.CancellationToken);

        var (_, _, options) = Assert.Single(cache.Writes);
        Assert.Equal(host.Time.GetUtcNow() + TimeSpan.FromDays(14), options.AbsoluteExpiration);
        Assert.Equal("test", (await store.RetrieveAsync(key, http, TestContext.Current.CancellationToken))!.Principal.Identity!.AuthenticationType);
        Assert.Equal("ticket", (await Assert.ThrowsAsync<ArgumentNullException>(() => store.StoreAsync(null!, http, TestContext.Current.CancellationToken))).ParamName);
        Assert.Equal("ticket", (await Assert.ThrowsAsync<ArgumentNullException>(() => store.RenewAsync(key, null!, http, TestContext.Current.CancellationToken))).ParamName);
        Assert.Single(cache.Writes);
    }

    [Fact]
    public async Task A_ticket_with_its_own_expiry_is_kept_exactly_until_then()
    {
        var (host, cache) = await StartAsync();
        await using var _ = host;
        var store = host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme).SessionStore!;
        var expiresUtc = host.Time.GetUtcNow().AddMinutes(90);
        var ticket = new AuthenticationTicket(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity("test")), new AuthenticationProperties { ExpiresUtc = expiresUtc }, CookieAuthenticationDefaults.AuthenticationScheme);

        await store.StoreAsync(ticket, new Microsoft.AspNetCore.Http.DefaultHttpContext(), TestContext.Current.CancellationToken);

        Assert.Equal(expiresUtc, Assert.Single(cache.Writes).Options.AbsoluteExpiration);
    }

    [Fact]
    public async Task Stored_tickets_are_protected_with_a_stable_purpose_that_every_instance_sharing_the_key_ring_can_read()
    {
        var (host, cache) = await StartAsync();
        await using var _ = host;

        using (await host.SignInAsync())
        {
        }

        var stored = Assert.Single(cache.Writes).Value;
        var provider = host.Services.GetRequiredService<IDataProtectionProvider>();
        var ticket = TicketSerializer.Default.Deserialize(provider.CreateProtector("Linode.AspNetCore.Authentication.Session", CookieAuthenticationDefaults.AuthenticationScheme).Unprotect(stored));
        Assert.Equal("exampleUser", ticket!.Principal.Identity!.Name);
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => provider.CreateProtector("Linode.AspNetCore.Authentication.Session", "OtherCookies").Unprotect(stored));
    }

    [Fact]
    public void The_registration_checks_its_arguments()
    {
        Assert.Throws<ArgumentNullException>(() => LinodeDistributedSessionExtensions.AddLinodeDistributedSessions(null!));
        var builder = new AuthenticationBuilder(new ServiceCollection());
        Assert.Throws<ArgumentException>(() => builder.AddLinodeDistributedSessions(string.Empty));
        Assert.Throws<ArgumentNullException>(() => builder.AddLinodeDistributedSessions(null!));
    }
}
