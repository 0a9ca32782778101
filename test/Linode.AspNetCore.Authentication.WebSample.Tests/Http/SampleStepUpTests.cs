using System.Net;
using Linode.AspNetCore.Authentication.WebSample.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using static Linode.AspNetCore.Authentication.WebSample.Tests.Infrastructure.SampleFlows;

namespace Linode.AspNetCore.Authentication.WebSample.Tests.Http;

/// <summary>The controller attribute [LinodeScope(linodes:read_write, StepUp = true)] through the emulator's consent page.</summary>
public sealed class SampleStepUpTests
{
    [Fact]
    public async Task The_create_page_asks_for_write_access_and_comes_back_with_both_scopes()
    {
        await using var sample = new SampleFactory();
        using var browser = sample.CreateBrowser();
        await SignInAsync(browser);

        var (consent, page) = await OpenConsentAsync(browser, "/linodes/create");
        using var response = await AnswerConsentAsync(browser, consent, page, approve: true);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var landedOn = browser.History[^1].Uri.AbsolutePath;
        using var account = await GetAsync(browser, "/account");
        var accountHtml = await account.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal("linodes:read_only,linodes:read_write", QueryHelpers.ParseQuery(page.Query)["scope"].ToString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The step-up page sends on to the deploy page.
        Assert.Equal("/deploy", landedOn);
        Assert.Contains(browser.History, hop => hop.Uri.AbsolutePath == "/linodes/create" && hop.Status == HttpStatusCode.Redirect && hop.Location?.AbsolutePath == "/deploy");
        Assert.Contains("id=\"deploy-form\"", html, StringComparison.Ordinal);
        Assert.Contains("<li><code>linodes:read_only</code></li>", accountHtml, StringComparison.Ordinal);
        Assert.Contains("<li><code>linodes:read_write</code></li>", accountHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unticking_write_access_again_lands_on_a_forbidden_page_naming_it()
    {
        await using var sample = new SampleFactory();
        using var browser = sample.CreateBrowser();
        await SignInAsync(browser);

        var (consent, page) = await OpenConsentAsync(browser, "/linodes/create");
        using var response = await AnswerConsentAsync(browser, consent.Replace("checked value=\"linodes:read_write\"", "value=\"linodes:read_write\"", StringComparison.Ordinal), page, approve: true);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("/forbidden", browser.History[^1].Uri.AbsolutePath);
        Assert.Contains("<code>linodes:read_write</code>", html, StringComparison.Ordinal);
        Assert.Equal(2, sample.Emulator.RequestsTo(Linode.AspNetCore.Authentication.Testing.LinodeEmulatorEndpoint.Authorize).Count(request => request.Method == "GET"));
    }
}
