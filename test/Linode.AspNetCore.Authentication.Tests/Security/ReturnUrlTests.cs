using System.Net;
using Linode.AspNetCore.Authentication.Testing;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;
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
    public static readonly TheoryData<string> Unsafe = new(UnsafeShapes());

    /// <summary>Local return URLs, each with the Location the callback must answer.</summary>
    public static readonly TheoryData<string, string> Local = new(LocalShapes());

    public static IEnumerable<string> UnsafeShapes()
    {
        var hosts = new[] { "evil.example", "evil.example/path?x=1" };
        foreach (var host in hosts)
        {
            yield return "//" + host;
            yield return "///" + host;
            yield return "/\\" + host;
            yield return "\\\\" + host;
            yield return "\\/" + host;
            yield return "/\t/" + host;
            yield return "/\r/" + host;
            yield return "/\n/" + host;
            yield return "/\r\n/" + host;
            yield return "/\0/" + host;
            yield return "/\u007f/" + host;
            yield return "/\u0085/" + host;
            yield return "/\t\\" + host;
            yield return "\t//" + host;
            yield return " //" + host;
            yield return "http://" + host;
            yield return "https://" + host;
            yield return "HTTPS://" + host;
            yield return "https:" + host;
            yield return "https:/" + host;
            yield return "http:\\\\" + host;
            yield return "ftp://" + host;
            yield return "~//" + host;
            yield return "~/\\" + host;
            yield return host;
        }

        yield return "javascript:alert(1)";
        yield return "JavaScript:alert(document.cookie)";
        yield return "javascript://%0Aalert(1)";
        yield return "data:text/html,<script>alert(1)</script>";
        yield return "vbscript:msgbox(1)";
        yield return "relative/path";
        yield return "../me";
        yield return "?x=1";
        yield return "#top";
        yield return "   ";
        yield return "/me\n";
        yield return "/me\r\nSet-Cookie: a=b";
        yield return "/me\u0000";
        yield return "/\u0001";
        yield return "/\u001b[31m";
        yield return "/\u009f";
        yield return "/" + new string('a', 5000);
        yield return "https://app.test.evil.example/me";
        yield return "https://app.test@evil.example/me";
    }

    public static IEnumerable<(string, string)> LocalShapes()
    {
        yield return ("/", "/");
        yield return ("/me", "/me");
        yield return ("/me?tab=scopes&x=%20y", "/me?tab=scopes&x=%20y");
        yield return ("/me#top", "/me#top");
        yield return ("/%09%5Cevil.example", "/%09%5Cevil.example");
        yield return ("/%2F%2Fevil.example", "/%2F%2Fevil.example");
        yield return ("/%0A", "/%0A");
        yield return ("/%0B", "/%0B");
        yield return ("/%7F", "/%7F");
        yield return ("/%E2%88%95evil.example", "/%E2%88%95evil.example");
        yield return ("/café", "/caf%C3%A9");
        yield return ("/caf%C3%A9", "/caf%C3%A9");
        yield return ("/\u2215evil.example", "/%E2%88%95evil.example");
        yield return ("/\uff0f\uff0fevil.example", "/%EF%BC%8F%EF%BC%8Fevil.example");
        yield return ("/日本語?q=ü", "/%E6%97%A5%E6%9C%AC%E8%AA%9E?q=%C3%BC");
        yield return ("/\u00a0", "/%C2%A0");
        yield return ("/\u2028", "/%E2%80%A8");
        yield return ("/emoji/\U0001F600", "/emoji/%F0%9F%98%80");
        yield return ("/a b", "/a b");
        yield return ("/me/", "/me/");
        yield return ("/./me", "/./me");
        yield return ("/.well-known/x", "/.well-known/x");
        yield return ("/" + new string('a', 1500), "/" + new string('a', 1500));
        yield return ("~/me", "/me");
        yield return ("~/", "/");
    }

    /// <summary>Absolute URLs of the app's own origin: a challenge of the handler keeps their local part; the step-up
    /// API, which takes local URLs only, refuses them.</summary>
    public static readonly TheoryData<string, string> SameOrigin = new()
    {
        { "https://app.test/me?x=1", "/me?x=1" },
        { "https://APP.test/me", "/me" },
        { "https://app.test/caf\u00e9#x", "/caf%C3%A9#x" },
    };

    /// <summary>Strings an HTTP query cannot carry (a lone surrogate is decoded to U+FFFD), refused by the API itself.</summary>
    public static readonly TheoryData<string> LoneSurrogates = new() { "/\ud800", "/a\udc00b", "/\udfff/x" };

    [Fact]
    public void The_tables_cover_at_least_86_shapes_and_agree_with_the_platform_rule()
    {
        Assert.True(Unsafe.Count + Local.Count + SameOrigin.Count + LoneSurrogates.Count >= 86, $"{Unsafe.Count + Local.Count} shapes");
        foreach (var url in UnsafeShapes())
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
