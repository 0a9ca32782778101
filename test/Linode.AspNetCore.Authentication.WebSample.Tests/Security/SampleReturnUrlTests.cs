using System.Net;
using Linode.AspNetCore.Authentication.Tests.Security;
using Linode.AspNetCore.Authentication.WebSample.Tests.Infrastructure;
using static Linode.AspNetCore.Authentication.WebSample.Tests.Infrastructure.SampleFlows;

namespace Linode.AspNetCore.Authentication.WebSample.Tests.Security;

/// <summary>The sample's sign-in link takes a return URL from the query string: every shape of the package's table either
/// comes back to that local page (encoded for the header) or lands on the home page, through the real consent page.</summary>
public sealed class SampleReturnUrlTests : IClassFixture<SampleFactory>
{
    private readonly SampleFactory _sample;

    public SampleReturnUrlTests(SampleFactory sample) => _sample = sample;

    public static TheoryData<string> Unsafe => new(ReturnUrlShapes.Unsafe());

    public static TheoryData<string, string> Local => new(ReturnUrlShapes.Local());

    [Theory]
    [MemberData(nameof(Unsafe))]
    public async Task An_unsafe_return_url_lands_on_the_home_page(string returnUrl)
    {
        Assert.Equal("/", await CallbackLocationAsync(returnUrl));
    }

    [Theory]
    [MemberData(nameof(Local))]
    public async Task A_local_return_url_comes_back_there(string returnUrl, string expectedLocation)
    {
        Assert.Equal(expectedLocation, await CallbackLocationAsync(returnUrl));
    }

    private async Task<string> CallbackLocationAsync(string returnUrl)
    {
        using var browser = _sample.CreateBrowser();
        var (consent, page) = await OpenConsentAsync(browser, "/signin?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var fields = ConsentFields(consent, approve: true);
        using var answer = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(page, "authorize")) { Content = new FormUrlEncodedContent(fields) });
        Assert.Equal(HttpStatusCode.Found, answer.StatusCode);
        using var callback = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, answer.Headers.Location));

        Assert.Equal("/signin-linode", browser.History[^1].Uri.AbsolutePath);
        Assert.Equal(HttpStatusCode.Found, callback.StatusCode);
        var location = browser.History[^1].RawLocation!;
        Assert.All(location, c => Assert.True(c is >= ' ' and <= '~', $"character U+{(int)c:X4} in Location '{location}'"));
        return location;
    }
}
