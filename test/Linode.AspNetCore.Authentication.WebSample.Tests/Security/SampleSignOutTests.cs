using System.Net;
using Linode.AspNetCore.Authentication.Testing;
using Linode.AspNetCore.Authentication.WebSample.Tests.Infrastructure;
using static Linode.AspNetCore.Authentication.WebSample.Tests.Infrastructure.SampleFlows;

namespace Linode.AspNetCore.Authentication.WebSample.Tests.Security;

/// <summary>A sign-out always ends the session, revokes, and says so. When the session ended on its own while the sign-out
/// was on its way (Linode refused the refresh, so the anti-forgery token no longer matches a signed-in user), the user
/// still lands on "You are signed out", never on an error page; a forged sign-out of a signed-in user is still refused.</summary>
public sealed class SampleSignOutTests
{
    [Fact]
    public async Task A_sign_out_whose_refresh_Linode_refuses_still_signs_out_revokes_once_and_says_so()
    {
        await using var sample = new SampleFactory { Settings = { ["Authentication:Schemes:Linode:TokenRefreshWindow"] = "1.00:00:00" } };
        using var browser = sample.CreateBrowser();
        var html = await SignInAsync(browser);
        var token = sample.Emulator.Tokens[^1];
        sample.Emulator.Faults.Add(LinodeEmulatorEndpoint.Token, LinodeEmulatorFault.Status(400, "{\"error\":\"invalid_grant\"}"), times: 1);

        using var response = await browser.PostFormAsync(App + "/signout", [KeyValuePair.Create("__RequestVerificationToken", AntiforgeryToken(html))]);
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var landedOn = browser.History[^1].Uri.AbsolutePath;
        using var account = await GetAsync(browser, "/account");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/", landedOn);
        Assert.Contains("<p class=\"banner\" id=\"signed-out\">You are signed out", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Found, account.StatusCode);
        Assert.False(sample.Emulator.IsAccessTokenActive(token.AccessToken));
        Assert.Single(sample.Emulator.RequestsTo(LinodeEmulatorEndpoint.Revoke), request => request.Form["token"] == token.AccessToken);
    }

    [Fact]
    public async Task A_sign_out_says_the_user_is_signed_out()
    {
        await using var sample = new SampleFactory();
        using var browser = sample.CreateBrowser();
        var html = await SignInAsync(browser);

        using var response = await browser.PostFormAsync(App + "/signout", [KeyValuePair.Create("__RequestVerificationToken", AntiforgeryToken(html))]);
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/", browser.History[^1].Uri.AbsolutePath);
        Assert.Contains("<p class=\"banner\" id=\"signed-out\">You are signed out, and this app's access to your Linode account was revoked.</p>", page, StringComparison.Ordinal);
        Assert.Contains("id=\"login\"", page, StringComparison.Ordinal);
    }
}
