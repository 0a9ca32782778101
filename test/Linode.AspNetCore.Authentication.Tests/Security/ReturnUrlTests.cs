using System.Net;
using Linode.AspNetCore.Authentication.Testing;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linode.AspNetCore.Authentication.Tests.Security;

/// <summary>
/// Every return URL the package accepts or produces follows ASP.NET Core's local-URL rule, checked before the challenge:
/// the step-up API refuses an unsafe one with <see cref="ArgumentException"/> (nothing reaches Linode); a challenge of the
/// handler itself replaces it with <c>/</c>; a local URL with non-ASCII characters is percent-encoded, so the callback's
/// redirect is a valid header and never a 500 after the user consented.
/// </summary>
public sealed class ReturnUrlTests
{
    /// <summary>Return URLs that must never leave the site, nor reach Linode through the step-up API.</summary>
    public static readonly TheoryData<string> Unsafe = new(ReturnUrlShapes.Unsafe());

    /// <summary>Local return URLs, each with the Location the callback must answer.</summary>
    public static readonly TheoryData<string, string> Local = new(ReturnUrlShapes.Local());

    /// <summary>Absolute URLs of the app's own origin: a challenge of the handler keeps their local part; the step-up
    /// API, which takes local URLs only, refuses them.</summary>
    public static readonly TheoryData<string, string> SameOrigin = new(ReturnUrlShapes.SameOrigin());

    /// <summary>Strings an HTTP query cannot carry (a lone surrogate is decoded to U+FFFD), refused by the API itself.</summary>
    public static readonly TheoryData<string> LoneSurrogates = new(ReturnUrlShapes.LoneSurrogates());

    [Fact]
    public void The_tables_cover_at_least_86_shapes_and_agree_with_the_platform_rule()
    {
        Assert.True(Unsafe.Count + Local.Count + SameOrigin.Count + LoneSurrogates.Count >= 86, $"{Unsafe.Count + Local.Count} shapes");
        foreach (var url in ReturnUrlShapes.Unsafe())
        {
            Assert.False(RedirectHttpResult.IsLocalUrl(url) && url.Length <= 2048, url);
        }
    }

    [Theory]
    [MemberData(nameof(Unsafe))]
    public async Task The_step_up_API_refuses_an_unsafe_return_url_before_anything_reaches_Linode(string returnUrl)
    {
        await using var host = await SignedInAsync();
        var authorizeRequests = host.Emulator.RequestCount(LinodeEmulatorEndpoint.Authorize);

        using var response = await host.Browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, LinodeTestHost.AppBase + "/step-up-to?returnUrl=" + Uri.EscapeDataString(returnUrl)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unsafe return URL", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Null(response.Headers.Location);
        Assert.Equal(authorizeRequests, host.Emulator.RequestCount(LinodeEmulatorEndpoint.Authorize));
    }

    [Theory]
    [MemberData(nameof(Local))]
    public async Task The_step_up_API_comes_back_to_a_local_return_url_encoded_for_the_header(string returnUrl, string expectedLocation)
    {
        await using var host = await SignedInAsync();

        var location = await CallbackLocationAsync(host, "/step-up-to?returnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal(expectedLocation, location);
    }

    [Theory]
    [MemberData(nameof(Unsafe))]
    public async Task A_challenge_with_an_unsafe_return_url_signs_in_and_lands_on_the_home_page(string returnUrl)
    {
        await using var host = await LinodeTestHost.StartAsync();

        var location = await CallbackLocationAsync(host, "/challenge-to?returnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal("/", location);
        Assert.True(host.Emulator.IsAccessTokenActive(Assert.Single(host.Emulator.Tokens).AccessToken));
        var log = Assert.Single(host.Logs.Linode, entry => entry.EventId.Id == 5030);
        Assert.StartsWith("A challenge of scheme 'Linode' carried a return URL that is not local to this app; the user will come back to '/' instead.", log.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Local))]
    public async Task A_challenge_with_a_local_return_url_lands_there_and_never_answers_5xx(string returnUrl, string expectedLocation)
    {
        await using var host = await LinodeTestHost.StartAsync();

        var location = await CallbackLocationAsync(host, "/challenge-to?returnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal(expectedLocation, location);
        var me = await host.GetMeAsync();
        Assert.Equal("exampleUser", Assert.Single(me.ValuesOf(System.Security.Claims.ClaimTypes.Name)));
        Assert.DoesNotContain(host.Logs.Linode, entry => entry.EventId.Id == 5030);
    }

    [Theory]
    [MemberData(nameof(Unsafe))]
    [MemberData(nameof(LoneSurrogates))]
    public async Task The_step_up_API_throws_ArgumentException_naming_the_parameter(string returnUrl)
    {
        await using var host = await LinodeTestHost.StartAsync();
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = host.Services };

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => context.ChallengeForScopesAsync([LinodeScopes.Linodes.ReadWrite], returnUrl));

        Assert.Equal("returnUrl", exception.ParamName);
        Assert.Equal(0, host.Emulator.RequestCount(LinodeEmulatorEndpoint.Authorize));
        Assert.Equal(200, context.Response.StatusCode);
        Assert.False(context.Response.Headers.ContainsKey("Location"));
    }

    [Theory]
    [MemberData(nameof(SameOrigin))]
    public async Task A_challenge_with_an_absolute_url_of_the_app_lands_on_its_local_part(string returnUrl, string expectedLocation)
    {
        await using var host = await LinodeTestHost.StartAsync();

        var location = await CallbackLocationAsync(host, "/challenge-to?returnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal(expectedLocation, location);
    }

    [Theory]
    [MemberData(nameof(SameOrigin))]
    public async Task The_step_up_API_refuses_even_an_absolute_url_of_the_app(string returnUrl, string unused)
    {
        _ = unused;
        await using var host = await SignedInAsync();

        using var response = await host.Browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, LinodeTestHost.AppBase + "/step-up-to?returnUrl=" + Uri.EscapeDataString(returnUrl)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, host.Emulator.RequestCount(LinodeEmulatorEndpoint.Authorize));
    }

    private static async Task<LinodeTestHost> SignedInAsync()
    {
        var host = await LinodeTestHost.StartAsync(options => options.Scope.Add(LinodeScopes.Linodes.ReadOnly));
        using (await host.SignInAsync())
        {
        }

        return host;
    }

    /// <summary>Runs the flow from <paramref name="start"/> through consent to the callback and returns the callback's
    /// raw <c>Location</c> header, failing on any 5xx and on any character a server may not put in a header.</summary>
    private static async Task<string> CallbackLocationAsync(LinodeTestHost host, string start)
    {
        var before = host.Browser.History.Count;
        bool CallbackSeen() => host.Browser.History.Skip(before).Any(hop => hop.Uri.AbsolutePath == "/signin-linode");
        using (await host.Browser.GetAsync(LinodeTestHost.AppBase + start, stopAt: next => next.Host == "app.test" && CallbackSeen()))
        {
        }

        var callback = host.Browser.History.Skip(before).Last(hop => hop.Uri.AbsolutePath == "/signin-linode");
        Assert.True((int)callback.Status < 500, $"callback answered {(int)callback.Status}");
        Assert.Equal(HttpStatusCode.Found, callback.Status);
        var location = Assert.IsType<string>(callback.RawLocation);
        Assert.All(location, c => Assert.True(c is >= ' ' and <= '~', $"character U+{(int)c:X4} in Location '{location}'"));
        return location;
    }
}
