using System.Text.RegularExpressions;
using Linode.AspNetCore.Authentication.WebSample.Tests.Browser;
using Microsoft.Playwright;

namespace Linode.AspNetCore.Authentication.BlazorSample.Tests;

/// <summary>
/// A person in headless Chromium on BlazorSample: signs in through the emulator's consent page; the interactive
/// <c>/linodes</c> lists Linodes over its circuit; the app's clock makes the token due and the Refresh button's call
/// refreshes it (1 grant); a full reload uses the refreshed token (no grant); a sign-out in a second page makes the first
/// page's circuit show the user signed out within the revalidation interval, and it calls Linode no more. No token is
/// ever in what the browser holds.
/// </summary>
public sealed class BlazorSampleBrowserTests
{
    private static readonly PageGotoOptions Opened = new() { WaitUntil = WaitUntilState.DOMContentLoaded };

    private static async Task LoadedAsync(IPage page, int times) =>
        await page.WaitForSelectorAsync($"#loads[data-loads='{times}']", new PageWaitForSelectorOptions { Timeout = 30_000 });

    [Fact]
    public Task The_circuit_lists_Linodes_refreshes_once_keeps_the_token_from_the_browser_and_ends_with_a_sign_out_elsewhere() => InBrowserAsync("blazor-failure", async (sample, page) =>
    {
        await page.GotoAsync(sample.BaseUrl + "/", Opened);
        await page.ClickAsync("#signin");
        await page.WaitForSelectorAsync("#approve");
        Assert.Matches(new Regex("/oauth/authorize\\?"), page.Url);
        await page.ClickAsync("#approve");
        await page.WaitForSelectorAsync("#username");
        Assert.Equal("exampleUser", await page.InnerTextAsync("#username"));

        // The interactive page: its list comes over the circuit, with the user's token read server side.
        await page.ClickAsync("#nav-linodes");
        await LoadedAsync(page, 1);
        var seeded = sample.Emulator.Options.Users[0].Instances.Select(linode => $"{linode.Label} ({linode.Region}, {linode.Type}, {linode.Status})");
        Assert.Equal(seeded, await page.Locator("#linodes li").AllInnerTextsAsync());
        await HeadlessChromium.ScreenshotAsync(page, "blazor-1-linodes");
        var first = sample.Emulator.Tokens.Single();
        Assert.Equal("Bearer " + first.AccessToken, sample.Emulator.RequestsTo("LinodeInstances")[^1].Headers["Authorization"]);
        await AssertNoTokenInTheBrowserAsync(page, sample);

        // The token falls due while the circuit lives: the next call from the circuit refreshes it, once.
        sample.Time.Advance(TimeSpan.FromHours(2) - TimeSpan.FromMinutes(4));
        await page.ClickAsync("#refresh");
        await LoadedAsync(page, 2);
        Assert.Equal(1, sample.RefreshGrants);
        var refreshed = sample.Emulator.Tokens[^1].AccessToken;
        Assert.Equal("Bearer " + refreshed, sample.Emulator.RequestsTo("LinodeInstances")[^1].Headers["Authorization"]);

        // A full page load (a new circuit, a request with the cookie) uses the refreshed token: no second grant.
        sample.Time.Advance(TimeSpan.FromMinutes(2));
        await page.ReloadAsync(new PageReloadOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        await LoadedAsync(page, 1);
        Assert.Equal(1, sample.RefreshGrants);
        Assert.Equal("Bearer " + refreshed, sample.Emulator.RequestsTo("LinodeInstances")[^1].Headers["Authorization"]);
        await AssertNoTokenInTheBrowserAsync(page, sample);

        // Sign-out in a second page: the first page's circuit shows the user signed out, and calls Linode no more.
        var other = await page.Context.NewPageAsync();
        await other.GotoAsync(sample.BaseUrl + "/", Opened);
        await other.ClickAsync("#signout");
        await other.WaitForSelectorAsync("#signin");
        Assert.False(sample.Emulator.IsAccessTokenActive(refreshed));
        var calls = sample.Emulator.RequestsTo("LinodeInstances").Count;
        await page.WaitForSelectorAsync("#signed-out", new PageWaitForSelectorOptions { Timeout = 15_000 });
        await HeadlessChromium.ScreenshotAsync(page, "blazor-2-signed-out");
        Assert.Equal(calls, sample.Emulator.RequestsTo("LinodeInstances").Count);
    });

    [Fact]
    public Task A_component_steps_up_to_a_scope_through_Linode_and_back_and_its_policy_view_shows_the_grant() => InBrowserAsync("blazor-stepup-failure", async (sample, page) =>
    {
        await SignInAsync(page, sample);
        await page.GotoAsync(sample.BaseUrl + "/linodes", Opened);
        await LoadedAsync(page, 1);
        Assert.Equal(0, await page.Locator("#may-manage").CountAsync());

        // A return URL that is not this app's is refused before anything is asked of Linode.
        var authorizeRequests = sample.Emulator.RequestsTo("Authorize").Count;
        var refused = await page.GotoAsync(sample.BaseUrl + "/stepup?scope=linodes%3Aread_write&returnUrl=https%3A%2F%2Fevil.test%2F", Opened);
        Assert.Equal(400, refused!.Status);
        Assert.Equal(authorizeRequests, sample.Emulator.RequestsTo("Authorize").Count);

        // The component's link: Linode asks for the one scope, and the user lands on the page that needs it.
        await page.GotoAsync(sample.BaseUrl + "/linodes", Opened);
        await LoadedAsync(page, 1);
        await page.ClickAsync("#grant-write");
        await page.WaitForSelectorAsync("#approve");
        Assert.Contains("linodes%3Aread_write", page.Url, StringComparison.Ordinal);
        await page.ClickAsync("#approve");
        await page.WaitForSelectorAsync("#manage-granted");
        Assert.Equal(sample.BaseUrl + "/linodes/manage", page.Url);
        Assert.Contains("linodes:read_write", sample.Emulator.Tokens[^1].Scopes);

        // Back on the interactive page, <AuthorizeView Policy> with the Linode scope requirement shows the grant.
        await page.GotoAsync(sample.BaseUrl + "/linodes", Opened);
        await LoadedAsync(page, 1);
        await page.WaitForSelectorAsync("#may-manage");
        await HeadlessChromium.ScreenshotAsync(page, "blazor-3-stepped-up");
    });

    [Fact]
    public Task A_page_marked_with_a_step_up_scope_sends_a_user_without_it_to_Linode_for_that_scope() => InBrowserAsync("blazor-marked-failure", async (sample, page) =>
    {
        await SignInAsync(page, sample);

        await page.GotoAsync(sample.BaseUrl + "/linodes/manage", Opened);
        await page.WaitForSelectorAsync("#approve");

        Assert.Matches(new Regex("/oauth/authorize\\?.*scope=[^&]*linodes%3Aread_write"), page.Url);
        Assert.Equal(0, await page.Locator("#manage-granted").CountAsync());
    });

    /// <summary>Runs <paramref name="scenario"/> with a fresh sample and a fresh browser page; a failure leaves a
    /// screenshot named <paramref name="failureScreenshot"/>.</summary>
    private static async Task InBrowserAsync(string failureScreenshot, Func<BlazorSampleFactory, IPage, Task> scenario)
    {
        await using var sample = new BlazorSampleFactory();
        sample.StartServer();
        var (playwright, browser) = await HeadlessChromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        try
        {
            await scenario(sample, page);
        }
        catch
        {
            await HeadlessChromium.ScreenshotAsync(page, failureScreenshot);
            throw;
        }
    }

    private static async Task SignInAsync(IPage page, BlazorSampleFactory sample)
    {
        await page.GotoAsync(sample.BaseUrl + "/", Opened);
        await page.ClickAsync("#signin");
        await page.WaitForSelectorAsync("#approve");
        await page.ClickAsync("#approve");
        await page.WaitForSelectorAsync("#username");
    }

    /// <summary>No access or refresh token the emulator issued is in the page (prerendered HTML and the Blazor state it
    /// carries), the cookies, or the page's storage.</summary>
    private static async Task AssertNoTokenInTheBrowserAsync(IPage page, BlazorSampleFactory sample)
    {
        var html = await page.ContentAsync();
        var prerendered = await (await page.APIRequest.GetAsync(page.Url)).TextAsync();
        var cookies = string.Join(";", (await page.Context.CookiesAsync()).Select(cookie => cookie.Name + "=" + cookie.Value));
        var storage = await page.EvaluateAsync<string>("() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage)");
        Assert.Contains("Blazor", prerendered, StringComparison.Ordinal);
        foreach (var token in sample.Emulator.Tokens)
        {
            foreach (var secret in new[] { token.AccessToken, token.RefreshToken }.OfType<string>())
            {
                Assert.DoesNotContain(secret, html, StringComparison.Ordinal);
                Assert.DoesNotContain(secret, prerendered, StringComparison.Ordinal);
                Assert.DoesNotContain(secret, cookies, StringComparison.Ordinal);
                Assert.DoesNotContain(secret, storage, StringComparison.Ordinal);
            }
        }
    }
}
