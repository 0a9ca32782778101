using System.Net;
using System.Text.Json;
using Linode.AspNetCore.Authentication.Testing;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static Linode.AspNetCore.Authentication.WebSample.Tests.Infrastructure.SampleFlows;

namespace Linode.AspNetCore.Authentication.WebSample.Tests.Deploy;

/// <summary>The access a deployment needed is given back, as in Linode's own example: once the new Linode runs (the page's
/// anti-forgery POST) or ten minutes after its creation (a timer), the token is revoked at Linode; nothing of it survives
/// a refresh in between; the status requests only read; and the app's later calls say "sign in again".</summary>
public sealed class DeployAccessTests
{
    private static async Task<(HttpResponseMessage Response, string Html)> DeployAsync(DeploySample sample, TestBrowser browser)
    {
        var response = await DeploySample.DeployAsync(browser);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, sample.CreateCalls);
        return (response, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static Task<HttpResponseMessage> GiveBackAsync(TestBrowser browser, string createdHtml, bool withToken = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, App + "/deploy/release")
        {
            Content = new FormUrlEncodedContent(withToken ? [KeyValuePair.Create("__RequestVerificationToken", AntiforgeryToken(createdHtml))] : []),
        };
        request.Headers.Accept.ParseAdd("application/json");
        return browser.SendAsync(request);
    }

    private static async Task<JsonElement> StatusAsync(TestBrowser browser, long id, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await browser.GetAsync(App + "/deploy/status/" + id);
        Assert.Equal(expected, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
    }

    private static long CreatedId(DeploySample sample) => sample.Emulator.Options.Users[0].Instances.Single(instance => instance.Tags.Contains("install-on-linode")).Id;

    [Fact]
    public async Task The_created_page_says_how_long_the_app_keeps_the_access_and_offers_to_give_it_back_now()
    {
        await using var sample = new DeploySample();
        using var browser = sample.CreateBrowser();

        var (response, html) = await DeployAsync(sample, browser);
        response.Dispose();

        Assert.Contains("this app keeps write access to your Linodes until the new Linode runs, and\n    10 minutes after its creation at the latest.", html, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\" action=\"/deploy/release\" id=\"release-form\">", html, StringComparison.Ordinal);
        Assert.Contains("<p id=\"access-given-back\" hidden=\"hidden\">This app no longer has access to your account", html, StringComparison.Ordinal);
        Assert.Contains("linodes:read_write", sample.Emulator.Tokens[^1].Scopes);
        Assert.True(sample.Emulator.IsAccessTokenActive(sample.Emulator.Tokens[^1].AccessToken));
    }

    [Fact]
    public async Task Once_the_Linode_runs_the_pages_post_revokes_the_token_at_Linode_and_signs_out()
    {
        await using var sample = new DeploySample();
        sample.Emulator.Options.InstanceProvisioningTime = TimeSpan.Zero;
        sample.Emulator.Options.InstanceBootTime = TimeSpan.Zero;
        using var browser = sample.CreateBrowser();
        var (response, html) = await DeployAsync(sample, browser);
        response.Dispose();
        var writeToken = sample.Emulator.Tokens[^1];
        Assert.Equal("running", (await StatusAsync(browser, CreatedId(sample))).GetProperty("status").GetString());

        using var givenBack = await GiveBackAsync(browser, html);
        var body = JsonDocument.Parse(await givenBack.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

        Assert.Equal(HttpStatusCode.OK, givenBack.StatusCode);
        Assert.True(body.GetProperty("givenBack").GetBoolean());
        Assert.False(sample.Emulator.IsAccessTokenActive(writeToken.AccessToken));
        Assert.Empty(sample.ActiveTokens);
        Assert.Equal(writeToken.AccessToken, sample.Emulator.RequestsTo(LinodeEmulatorEndpoint.Revoke)[^1].Form["token"]);
        Assert.Equal("running", sample.Emulator.Options.Users[0].Instances.Single(instance => instance.Id == CreatedId(sample)).Status);
        using (await browser.GetAsync(App + "/account"))
        {
            Assert.Equal("/oauth/authorize", browser.History[^1].Uri.AbsolutePath);
        }
    }

    [Fact]
    public async Task Following_the_boot_only_reads_even_once_the_Linode_runs()
    {
        await using var sample = new DeploySample();
        sample.Emulator.Options.InstanceProvisioningTime = TimeSpan.Zero;
        sample.Emulator.Options.InstanceBootTime = TimeSpan.Zero;
        using var browser = sample.CreateBrowser();
        (await DeployAsync(sample, browser)).Response.Dispose();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("running", (await StatusAsync(browser, CreatedId(sample))).GetProperty("status").GetString());
        }

        Assert.Empty(sample.Emulator.RequestsTo(LinodeEmulatorEndpoint.Revoke));
        Assert.True(sample.Emulator.IsAccessTokenActive(sample.Emulator.Tokens[^1].AccessToken));
    }

    [Fact]
    public async Task Giving_back_needs_the_pages_anti_forgery_token()
    {
        await using var sample = new DeploySample();
        using var browser = sample.CreateBrowser();
        var (response, html) = await DeployAsync(sample, browser);
        response.Dispose();

        using var forged = await GiveBackAsync(browser, html, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Empty(sample.Emulator.RequestsTo(LinodeEmulatorEndpoint.Revoke));
        Assert.True(sample.Emulator.IsAccessTokenActive(sample.Emulator.Tokens[^1].AccessToken));
    }

    [Fact]
    public async Task A_page_closed_before_the_Linode_runs_gives_the_access_back_ten_minutes_after_the_creation()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sample = new DeploySample { Time = time };
        using var browser = sample.CreateBrowser();
        (await DeployAsync(sample, browser)).Response.Dispose();
        var writeToken = sample.Emulator.Tokens[^1];

        time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        Assert.True(sample.Emulator.IsAccessTokenActive(writeToken.AccessToken));
        time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => !sample.Emulator.IsAccessTokenActive(writeToken.AccessToken));

        Assert.Empty(sample.ActiveTokens);
        // Logged once Linode's answer is read, a moment after the emulator marked the token revoked.
        await Eventually.TrueAsync(() => sample.Logs.Entries.Any(entry => entry.EventId.Id == 6 && entry.Message.StartsWith("Gave back a deployment's access to the user's account (10 minutes after the creation): token revocation Revoked", StringComparison.Ordinal)));
        Assert.True((await StatusAsync(browser, CreatedId(sample))).GetProperty("givenBack").GetBoolean());

        // The app's own calls afterwards fail cleanly: sign in again.
        using var linodes = await GetAsync(browser, "/linodes");
        var html = await linodes.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, linodes.StatusCode);
        Assert.Contains("id=\"signin-again\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_refreshed_before_the_time_ran_out_is_given_back_too()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sample = new DeploySample { Time = time };
        sample.Emulator.Options.AccessTokenLifetime = TimeSpan.FromMinutes(8);
        using var browser = sample.CreateBrowser();
        (await DeployAsync(sample, browser)).Response.Dispose();
        var issued = sample.Emulator.Tokens.Count;

        // Four minutes on, the token is due (it expires within the five-minute window): the next request refreshes it.
        time.Advance(TimeSpan.FromMinutes(4));
        using (var account = await GetAsync(browser, "/account"))
        {
            Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        }

        Assert.Equal(issued + 1, sample.Emulator.Tokens.Count);
        Assert.Equal("refresh_token", sample.Emulator.Tokens[^1].GrantType);
        time.Advance(TimeSpan.FromMinutes(6));
        await Eventually.TrueAsync(() => !sample.ActiveTokens.Any());

        Assert.Contains(sample.Emulator.Tokens[^1].AccessToken, sample.Emulator.RequestsTo(LinodeEmulatorEndpoint.Revoke).Select(request => request.Form["token"].ToString()));
    }

    [Fact]
    public async Task Reloading_the_created_page_after_the_access_was_given_back_says_the_Linode_was_created()
    {
        await using var sample = new DeploySample();
        using var browser = sample.CreateBrowser();
        using var form = await DeploySample.DeployAsync(browser, confirm: false);
        var confirmation = DeploySample.ConfirmFields(await form.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        using var created = await browser.PostFormAsync(App + "/deploy/create", confirmation);
        using (await GiveBackAsync(browser, await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)))
        {
        }

        using var reload = await browser.PostFormAsync(App + "/deploy/create", confirmation);
        var html = await reload.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, reload.StatusCode);
        Assert.Equal(1, sample.CreateCalls);
        Assert.Contains($"This deployment created Linode {CreatedId(sample)}, and it creates nothing more.", html, StringComparison.Ordinal);
        Assert.Contains("<p id=\"access-given-back\">This app no longer has access to your account", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"release-form\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-status-url", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("429", 429, "Linode is rate-limiting this app; try again in 7 seconds.")]
    [InlineData("500", 502, "Linode's API failed (HTTP 500). Try again in a minute.")]
    public async Task A_problem_while_following_the_boot_is_reported_with_its_status_and_when_to_ask_again(string kind, int status, string message)
    {
        await using var sample = new DeploySample();
        using var browser = sample.CreateBrowser();
        (await DeployAsync(sample, browser)).Response.Dispose();
        sample.Emulator.Faults.Add(LinodeEmulatorEndpoint.LinodeInstance, kind == "429" ? LinodeEmulatorFault.RateLimited(7) : LinodeEmulatorFault.Status(500), times: 1);

        using var response = await browser.GetAsync(App + "/deploy/status/" + CreatedId(sample));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(message, body.GetProperty("problem").GetString());
        Assert.False(body.GetProperty("signInAgain").GetBoolean());
        Assert.Equal(kind == "429" ? "7" : null, response.Headers.RetryAfter?.ToString());
        Assert.Equal(kind == "429" ? "7" : "null", body.GetProperty("retryAfter").GetRawText());
        Assert.Equal("provisioning", (await StatusAsync(browser, CreatedId(sample))).GetProperty("status").GetString());
    }
}
