using System.Net;
using Linode.AspNetCore.Authentication.Testing;
using Linode.AspNetCore.Authentication.WebSample.Tests.Infrastructure;
using static Linode.AspNetCore.Authentication.WebSample.Tests.Infrastructure.SampleFlows;

namespace Linode.AspNetCore.Authentication.WebSample.Tests.Http;

public sealed class SamplePagesTests : IClassFixture<SampleFactory>
{
    private readonly SampleFactory _sample;

    public SamplePagesTests(SampleFactory sample) => _sample = sample;

    [Fact]
    public async Task The_home_page_is_public_and_says_which_Linode_it_talks_to()
    {
        using var browser = _sample.CreateBrowser();

        using var response = await GetAsync(browser, "/");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Linode emulator</strong> at " + _sample.EmulatorAddress, html, StringComparison.Ordinal);
        Assert.Contains("id=\"login\"", html, StringComparison.Ordinal);
        Assert.Contains("Sign in with Linode", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_visit_to_account_is_challenged_straight_to_Linodes_authorize_endpoint()
    {
        using var browser = _sample.CreateBrowser();

        using var response = await GetAsync(browser, "/account");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(new Uri(_sample.EmulatorAddress, "oauth/authorize"), new Uri(response.Headers.Location!.GetLeftPart(UriPartial.Path)));
        Assert.Contains("scope=linodes%3Aread_only", response.Headers.Location.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_consent_page_names_the_app_the_scopes_in_plain_words_and_the_users()
    {
        using var browser = _sample.CreateBrowser();

        var (html, _) = await OpenConsentAsync(browser);

        Assert.Contains("Linode.AspNetCore.Authentication WebSample", html, StringComparison.Ordinal);
        Assert.Contains("Linodes: view (read only)", html, StringComparison.Ordinal);
        Assert.Contains("exampleUser", html, StringComparison.Ordinal);
        Assert.Contains("restrictedUser", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_approval_the_account_page_shows_the_profile_and_the_granted_scopes_but_no_token()
    {
        using var browser = _sample.CreateBrowser();

        var html = await SignInAsync(browser);

        Assert.Equal("/account", browser.History[^1].Uri.AbsolutePath);
        Assert.Contains("<span id=\"username\">exampleUser</span>", html, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"email\">example-user@gmail.com</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"uid\">1234</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"timezone\">US/Eastern</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<li><code>linodes:read_only</code></li>", html, StringComparison.Ordinal);
        Assert.Matches("<dd id=\"expires\">\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ</dd>", html);
        foreach (var token in _sample.Emulator.Tokens)
        {
            Assert.DoesNotContain(token.AccessToken, html, StringComparison.Ordinal);
            Assert.DoesNotContain(token.RefreshToken!, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Another_seeded_user_can_be_chosen_on_the_consent_page()
    {
        using var browser = _sample.CreateBrowser();
        var (consent, page) = await OpenConsentAsync(browser);

        using var response = await AnswerConsentAsync(browser, consent, page, approve: true, user: "restrictedUser");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains("<span id=\"username\">restrictedUser</span>", html, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"timezone\">Europe/Berlin</dd>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Denying_consent_lands_on_a_friendly_page()
    {
        using var browser = _sample.CreateBrowser();
        var (consent, page) = await OpenConsentAsync(browser);

        using var response = await AnswerConsentAsync(browser, consent, page, approve: false);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/signin-denied", browser.History[^1].Uri.AbsolutePath);
        Assert.Contains("You declined the sign-in", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_out_without_the_antiforgery_token_is_refused_and_the_user_stays_signed_in()
    {
        using var browser = _sample.CreateBrowser();
        await SignInAsync(browser);

        using var response = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, App + "/signout") { Content = new FormUrlEncodedContent([]) });
        using var account = await GetAsync(browser, "/account");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        Assert.DoesNotContain(_sample.Emulator.RequestsTo(LinodeEmulatorEndpoint.Revoke), request => request.Form["token"] == _sample.Emulator.Tokens[^1].AccessToken);
    }

    [Fact]
    public async Task Sign_out_revokes_the_token_at_Linode_and_returns_home()
    {
        using var browser = _sample.CreateBrowser();
        var html = await SignInAsync(browser);
        var token = _sample.Emulator.Tokens[^1];

        using var response = await browser.PostFormAsync(App + "/signout", [KeyValuePair.Create("__RequestVerificationToken", AntiforgeryToken(html))]);
        using var account = await GetAsync(browser, "/account");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/", browser.History[^2].Uri.AbsolutePath);
        Assert.False(_sample.Emulator.IsAccessTokenActive(token.AccessToken));
        Assert.True(token.IsRefreshTokenDead);
        Assert.Equal(HttpStatusCode.Found, account.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/account", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData("/account", "/account")]
    public async Task The_return_url_is_only_ever_local(string returnUrl, string landsOn)
    {
        using var browser = _sample.CreateBrowser();

        var (consent, page) = await OpenConsentAsync(browser, "/signin?returnUrl=" + Uri.EscapeDataString(returnUrl));
        using var response = await AnswerConsentAsync(browser, consent, page, approve: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("localhost", browser.History[^1].Uri.Host);
        Assert.Equal(landsOn, browser.History[^1].Uri.AbsolutePath);
    }

    [Fact]
    public async Task A_forged_callback_shows_the_failure_page_without_a_stack_trace()
    {
        using var browser = _sample.CreateBrowser();

        using var response = await browser.GetAsync(App + "/signin-linode?code=abc&state=forged");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("/signin-failed", browser.History[^1].Uri.AbsolutePath);
        Assert.Contains("Sign-in with Linode did not complete", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Linode_error_during_sign_in_shows_the_failure_page_with_the_error_code()
    {
        using var browser = _sample.CreateBrowser();
        _sample.Emulator.Faults.Add(LinodeEmulatorEndpoint.Token, LinodeEmulatorFault.Status(400, "{\"error\":\"invalid_grant\"}"), times: 1);

        var (consent, page) = await OpenConsentAsync(browser);
        using var response = await AnswerConsentAsync(browser, consent, page, approve: true);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("/signin-failed", browser.History[^1].Uri.AbsolutePath);
        Assert.Contains("(invalid_grant)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_page_is_a_friendly_404()
    {
        using var browser = _sample.CreateBrowser();

        using var response = await GetAsync(browser, "/no-such-page");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
    }
}
