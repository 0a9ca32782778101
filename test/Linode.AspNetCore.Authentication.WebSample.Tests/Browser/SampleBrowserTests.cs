using System.Text.RegularExpressions;
using Linode.AspNetCore.Authentication.Testing;
using Microsoft.Playwright;

namespace Linode.AspNetCore.Authentication.WebSample.Tests.Browser;

/// <summary>A person in headless Chromium: sign in through the emulator's consent page, see the account, sign out; and deny.</summary>
public sealed class SampleBrowserTests
{
    // Arrival on a page is an element of that page, then its URL: waiting for navigation events (WaitForURL) was seen to
    // hang for 60 s on a busy 2-core machine after a redirect from the emulator's form had already landed.
    private static readonly PageGotoOptions Opened = new() { WaitUntil = WaitUntilState.DOMContentLoaded };

    private static async Task ArrivedAsync(IPage page, string selector, Regex url)
    {
        await page.WaitForSelectorAsync(selector);
        Assert.Matches(url, page.Url);
    }

    [Fact]
    public async Task A_person_signs_in_on_the_consent_page_sees_the_account_and_signs_out()
    {
        await using var session = await BrowserSession.StartAsync();
        await session.RunAsync("sign-in", async (sample, page) =>
            {
            await page.GotoAsync(sample.BaseUrl + "/", Opened);
            await HeadlessChromium.ScreenshotAsync(page, "1-home");
            Assert.Contains("Linode emulator", await page.InnerTextAsync("#banner"), StringComparison.Ordinal);

            await page.ClickAsync("#login");
            await ArrivedAsync(page, "#approve", new Regex("/oauth/authorize\\?"));
            await HeadlessChromium.ScreenshotAsync(page, "2-consent");
            Assert.Contains("Linodes: view (read only)", await page.ContentAsync(), StringComparison.Ordinal);

            await page.ClickAsync("#approve");
            await ArrivedAsync(page, "#username", new Regex("^" + Regex.Escape(sample.BaseUrl + "/account") + "$"));
            await HeadlessChromium.ScreenshotAsync(page, "3-account");
            Assert.Equal("exampleUser", await page.InnerTextAsync("#username"));
            Assert.Equal("example-user@gmail.com", await page.InnerTextAsync("#email"));
            Assert.Equal(["linodes:read_only"], await page.Locator("#scopes code").AllInnerTextsAsync());
            var token = sample.Emulator.Tokens.Single();
            Assert.True(sample.Emulator.IsAccessTokenActive(token.AccessToken));

            await page.ClickAsync("#linodes");
            await ArrivedAsync(page, "#instances", new Regex("^" + Regex.Escape(sample.BaseUrl + "/linodes") + "$"));
            await HeadlessChromium.ScreenshotAsync(page, "3b-linodes");
            Assert.Equal(["web-1", "db-1"], await page.Locator("#instances tbody tr td:first-child").AllInnerTextsAsync());
            await page.GotoAsync(sample.BaseUrl + "/account", Opened);

            // Install on Linode: pick a plan, sign in again on Linode's consent page for linodes:read_write (step-up), and the
            // new Linode is created from the StackScript; its page follows it to "running".
            sample.Emulator.Options.InstanceProvisioningTime = TimeSpan.FromSeconds(2);
            sample.Emulator.Options.InstanceBootTime = TimeSpan.FromSeconds(2);
            await page.ClickAsync("#create-linode");
            await ArrivedAsync(page, "#deploy-form", new Regex("^" + Regex.Escape(sample.BaseUrl + "/deploy") + "$"));
            await page.SelectOptionAsync("#plan", "g6-standard-1");
            await page.SelectOptionAsync("#region", "eu-central");
            await page.FillAsync("#label", "browser-web");
            await page.FillAsync("#udf-hostname", "web01");
            await HeadlessChromium.ScreenshotAsync(page, "3c-deploy");
            await page.ClickAsync("#deploy-submit");
            await ArrivedAsync(page, "#approve", new Regex("/oauth/authorize\\?"));
            await HeadlessChromium.ScreenshotAsync(page, "3d-step-up-consent");
            Assert.Contains("Linodes: view and change (read/write)", await page.ContentAsync(), StringComparison.Ordinal);
            await page.ClickAsync("#approve");
            await ArrivedAsync(page, "#confirm-create", new Regex("^" + Regex.Escape(sample.BaseUrl + "/deploy/confirm") + "$"));
            Assert.Equal("browser-web", await page.InnerTextAsync("#confirm-label"));
            Assert.Equal(0, sample.Emulator.RequestsTo(LinodeEmulatorEndpoint.LinodeInstances).Count(request => request.Method == "POST"));
            await HeadlessChromium.ScreenshotAsync(page, "3d2-confirm");
            // Linode rate-limits the first status request: the page says so and keeps following.
            sample.Emulator.Faults.Add(LinodeEmulatorEndpoint.LinodeInstance, LinodeEmulatorFault.RateLimited(1), times: 1);
            await page.ClickAsync("#confirm-create");
            await ArrivedAsync(page, "#root-password", new Regex("^" + Regex.Escape(sample.BaseUrl + "/deploy/create") + "$"));
            Assert.Equal("browser-web", await page.InnerTextAsync("#linode-label"));
            Assert.Equal(32, (await page.InnerTextAsync("#root-password")).Length);
            var writeToken = sample.Emulator.Tokens[^1];
            Assert.Contains("linodes:read_write", writeToken.Scopes);
            await page.WaitForSelectorAsync("#status-problem:has-text('Linode is rate-limiting this app')", new PageWaitForSelectorOptions { Timeout = 30_000 });

            // Running: the page gives the access back by itself (its anti-forgery POST), as Linode's own example does.
            await page.WaitForSelectorAsync("#linode-status:text-is('running')", new PageWaitForSelectorOptions { Timeout = 30_000 });
            await page.WaitForSelectorAsync("#access-given-back", new PageWaitForSelectorOptions { State = WaitForSelectorState.Visible, Timeout = 30_000 });
            Assert.True(await page.IsHiddenAsync("#status-problem"));
            Assert.True(await page.IsHiddenAsync("#release-form"));
            Assert.StartsWith("This app no longer has access to your account", await page.InnerTextAsync("#access-given-back"), StringComparison.Ordinal);
            await HeadlessChromium.ScreenshotAsync(page, "3e-created");
            Assert.False(sample.Emulator.IsAccessTokenActive(writeToken.AccessToken));
            Assert.Equal(1, sample.Emulator.RequestsTo(LinodeEmulatorEndpoint.LinodeInstances).Count(request => request.Method == "POST"));

            // Signed out here: "Your Linodes" asks Linode again, for read access only.
            await page.ClickAsync("#my-linodes");
            await ArrivedAsync(page, "#approve", new Regex("/oauth/authorize\\?"));
            Assert.DoesNotContain("Linodes: view and change (read/write)", await page.ContentAsync(), StringComparison.Ordinal);
            await page.ClickAsync("#approve");
            await ArrivedAsync(page, "#instances", new Regex("^" + Regex.Escape(sample.BaseUrl + "/linodes") + "$"));
            Assert.Equal(["web-1", "db-1", "browser-web"], await page.Locator("#instances tbody tr td:first-child").AllInnerTextsAsync());
            await page.ClickAsync("#instances a.delete");
            await ArrivedAsync(page, "#approve", new Regex("/oauth/authorize\\?"));
            await page.ClickAsync("#approve");
            await ArrivedAsync(page, "#confirm-delete", new Regex("/linodes/[0-9]+/delete$"));
            await page.ClickAsync("#confirm-delete");
            await ArrivedAsync(page, "#deleted", new Regex("/linodes\\?deleted=browser-web$"));
            Assert.Equal(["web-1", "db-1"], await page.Locator("#instances tbody tr td:first-child").AllInnerTextsAsync());

            await page.GotoAsync(sample.BaseUrl + "/account", Opened);
            Assert.Equal(["linodes:read_only", "linodes:read_write"], await page.Locator("#scopes code").AllInnerTextsAsync());
            token = sample.Emulator.Tokens[^1];

            await page.ClickAsync("#signout");
            await ArrivedAsync(page, "#login", new Regex("^" + Regex.Escape(sample.BaseUrl + "/") + "$"));
            await HeadlessChromium.ScreenshotAsync(page, "4-signed-out");
            Assert.False(sample.Emulator.IsAccessTokenActive(token.AccessToken));
            // Every token revoked, in order: the one each step-up replaced, the deployment's (given back), the current one at sign-out.
            Assert.Equal(
                sample.Emulator.Tokens.Select(issued => issued.AccessToken),
                sample.Emulator.RequestsTo(LinodeEmulatorEndpoint.Revoke).Select(request => request.Form["token"]));
            Assert.All(sample.Emulator.Tokens, issued => Assert.False(sample.Emulator.IsAccessTokenActive(issued.AccessToken)));
            Assert.Equal(1, await page.Locator("#login").CountAsync());
        });
    }

    [Fact]
    public async Task A_person_who_denies_consent_sees_the_denied_page_and_stays_signed_out()
    {
        await using var session = await BrowserSession.StartAsync();
        await session.RunAsync("deny", async (sample, page) =>
            {
            await page.GotoAsync(sample.BaseUrl + "/account", Opened);
            await ArrivedAsync(page, "#deny", new Regex("/oauth/authorize\\?"));
            await page.ClickAsync("#deny");
            await ArrivedAsync(page, "#denied", new Regex("/signin-denied"));
            await HeadlessChromium.ScreenshotAsync(page, "5-denied");

            Assert.Equal("You declined the sign-in", await page.InnerTextAsync("#denied"));
            Assert.Empty(sample.Emulator.Tokens);
            var response = await page.GotoAsync(sample.BaseUrl + "/account", Opened);
            Assert.Contains("/oauth/authorize", response!.Url, StringComparison.Ordinal);
        });
    }
}
