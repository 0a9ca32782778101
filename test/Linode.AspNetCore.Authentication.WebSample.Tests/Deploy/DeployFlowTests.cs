using System.Net;
using System.Text.Json;
using Linode.AspNetCore.Authentication.Testing;
using Microsoft.AspNetCore.WebUtilities;
using static Linode.AspNetCore.Authentication.WebSample.Tests.Infrastructure.SampleFlows;

namespace Linode.AspNetCore.Authentication.WebSample.Tests.Deploy;

/// <summary>"Install on Linode" end to end over HTTP: the public form, the choices across the sign-in, the request Linode
/// receives, the password shown once, the status followed, the Linode listed and deleted.</summary>
public sealed class DeployFlowTests
{
    [Fact]
    public async Task The_deploy_page_is_public_and_lists_Linodes_plans_regions_and_the_StackScripts_images_and_fields()
    {
        await using var sample = new DeploySample();
        using var browser = sample.CreateBrowser();

        using var response = await GetAsync(browser, "/deploy");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/deploy", browser.History[^1].Uri.AbsolutePath);
        Assert.Contains("<option value=\"g6-nanode-1\">Nanode 1GB — 1 vCPU, 1 GB, $5/month</option>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"eu-central\">Frankfurt, DE (eu-central)</option>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"linode/ubuntu24.04\">linode/ubuntu24.04</option>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("linode/alpine3.20", html, StringComparison.Ordinal);
        Assert.Contains("<input name=\"Udf[hostname]\" id=\"udf-hostname\" value=\"\" placeholder=\"web01\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"apache2\">apache2</option>", html, StringComparison.Ordinal);
        Assert.Contains("name=\"__RequestVerificationToken\"", html, StringComparison.Ordinal);
        // Public calls: no Authorization header reached Linode.
        var catalogue = sample.Emulator.Requests.Where(request => request.Endpoint is LinodeEmulatorEndpoint.Regions or LinodeEmulatorEndpoint.LinodeTypes or LinodeEmulatorEndpoint.StackScript).ToList();
        Assert.Equal(3, catalogue.Count);
        Assert.All(catalogue, request => Assert.False(request.Headers.ContainsKey("Authorization")));
    }

    [Fact]
    public async Task Choices_survive_the_sign_in_and_Linode_receives_them_field_by_field()
    {
        await using var sample = new DeploySample();
        using var browser = sample.CreateBrowser();

        using var created = await DeploySample.DeployAsync(browser, new Dictionary<string, string>
        {
            ["Plan"] = "g6-standard-1", ["Region"] = "eu-central", ["Image"] = "linode/ubuntu24.04", ["Label"] = "blog-1",
            ["Udf[hostname]"] = "blog", ["Udf[web_server]"] = "apache2",
        });
        var html = await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal("/deploy/create", browser.History[^1].Uri.AbsolutePath);
        var authorize = browser.History.Single(hop => hop.Uri.AbsolutePath == "/oauth/authorize" && hop.Method == HttpMethod.Get).Uri;
        Assert.Contains("linodes:read_write", QueryHelpers.ParseQuery(authorize.Query)["scope"].ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("blog", authorize.Query, StringComparison.Ordinal);
        Assert.DoesNotContain("eu-central", authorize.Query, StringComparison.Ordinal);

        var body = sample.CreateRequestBody();
        Assert.Equal("g6-standard-1", body.GetProperty("type").GetString());
        Assert.Equal("eu-central", body.GetProperty("region").GetString());
        Assert.Equal("linode/ubuntu24.04", body.GetProperty("image").GetString());
        Assert.Equal("blog-1", body.GetProperty("label").GetString());
        Assert.Equal(1000001, body.GetProperty("stackscript_id").GetInt64());
        Assert.Equal("""{"hostname":"blog","site_title":"Hello from Linode","web_server":"apache2"}""", body.GetProperty("stackscript_data").GetRawText());
        Assert.Equal("""["install-on-linode"]""", body.GetProperty("tags").GetRawText());
        var password = body.GetProperty("root_pass").GetString()!;
        Assert.Equal(32, password.Length);
        Assert.Contains(password, char.IsAsciiLetterUpper);
        Assert.Contains(password, char.IsAsciiLetterLower);
        Assert.Contains(password, char.IsAsciiDigit);
        // Linode's classes: a symbol such as + = ^ counts, though .NET files those under MathSymbol, not punctuation.
        Assert.Contains(password, character => !char.IsLetterOrDigit(character));
        Assert.All(password, character => Assert.True(char.IsAsciiLetterOrDigit(character) || "!#%*+-=?@^_".Contains(character), $"unexpected '{character}'"));
        Assert.Equal(8, body.EnumerateObject().Count());

        Assert.Equal(password, DeploySample.RootPasswordOn(html));
        Assert.Contains("<span id=\"linode-label\">blog-1</span>", html, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"linode-status\" data-status-url=\"/deploy/status/", html, StringComparison.Ordinal);
        Assert.Contains(">provisioning</dd>", html, StringComparison.Ordinal);
        Assert.True(created.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task The_root_password_is_shown_once_and_never_logged_nor_kept_in_a_cookie()
    {
        await using var sample = new DeploySample();
        using var browser = sample.CreateBrowser();

        using var created = await DeploySample.DeployAsync(browser);
        var password = DeploySample.RootPasswordOn(await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        using var again = await GetAsync(browser, "/deploy/confirm");
        using var list = await GetAsync(browser, "/linodes");

        Assert.Equal(32, password.Length);
        Assert.DoesNotContain(sample.Logs.Entries, entry => entry.AllText.Contains(password, StringComparison.Ordinal));
        Assert.Contains(sample.Logs.Entries, entry => entry.EventId.Id == 2 && entry.Message.StartsWith("Created Linode ", StringComparison.Ordinal));
        Assert.All(browser.Cookies.GetAllCookies(), cookie => Assert.DoesNotContain(password, cookie.Value, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("/deploy?expired=true", again.Headers.Location?.OriginalString);
        Assert.DoesNotContain(password, await list.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Single(sample.Emulator.RequestsTo(LinodeEmulatorEndpoint.LinodeInstances), request => request.Method == "POST");
    }

    [Fact]
    public async Task The_status_follows_the_new_Linode_from_provisioning_to_running()
    {
        await using var sample = new DeploySample();
        using var browser = sample.CreateBrowser();
        using var created = await DeploySample.DeployAsync(browser);
        var id = sample.CreateRequestBody().GetProperty("label").GetString() is { } label
            ? sample.Emulator.Options.Users[0].Instances.Single(instance => instance.Label == label).Id : 0;

        var statuses = new List<string?>();
        foreach (var (provisioning, booting) in new[] { (TimeSpan.FromHours(1), TimeSpan.Zero), (TimeSpan.Zero, TimeSpan.FromHours(1)), (TimeSpan.Zero, TimeSpan.Zero) })
        {
            sample.Emulator.Options.InstanceProvisioningTime = provisioning;
            sample.Emulator.Options.InstanceBootTime = booting;
            using var status = await GetAsync(browser, "/deploy/status/" + id);
            statuses.Add(JsonDocument.Parse(await status.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("status").GetString());
        }

        Assert.Equal(["provisioning", "booting", "running"], statuses);
    }

    [Fact]
    public async Task The_new_Linode_is_listed_and_can_be_deleted_after_a_confirmation()
    {
        await using var sample = new DeploySample();
        using var browser = sample.CreateBrowser();
        using var created = await DeploySample.DeployAsync(browser, new Dictionary<string, string> { ["Label"] = "to-delete" });
        var id = sample.Emulator.Options.Users[0].Instances.Single(instance => instance.Label == "to-delete").Id;

        using var list = await GetAsync(browser, "/linodes");
        var listHtml = await list.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var confirm = await GetAsync(browser, $"/linodes/{id}/delete");
        var confirmHtml = await confirm.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var deleted = await browser.PostFormAsync($"{App}/linodes/{id}/delete", [KeyValuePair.Create("__RequestVerificationToken", AntiforgeryToken(confirmHtml))]);
        var afterHtml = await deleted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains($"<a href=\"/linodes/{id}/delete\" class=\"delete\">Delete</a>", listHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<a href=\"/linodes/123/delete\"", listHtml, StringComparison.Ordinal);
        Assert.Contains("<span id=\"delete-label\">to-delete</span>", confirmHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Contains("<p class=\"banner\" id=\"deleted\">Deleted to-delete.</p>", afterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(sample.Emulator.Options.Users[0].Instances, instance => instance.Id == id);
        Assert.Single(sample.Emulator.RequestsTo(LinodeEmulatorEndpoint.LinodeInstance), request => request.Method == "DELETE" && request.Path == $"/v4/linode/instances/{id}");
    }

    [Fact]
    public async Task A_Linode_the_sample_did_not_create_cannot_be_deleted_from_it()
    {
        await using var sample = new DeploySample();
        using var browser = sample.CreateBrowser();
        await DeploySample.DeployAsync(browser);

        using var confirm = await GetAsync(browser, "/linodes/123/delete");
        using var forged = await browser.PostFormAsync(App + "/linodes/123/delete", [KeyValuePair.Create("__RequestVerificationToken", AntiforgeryToken(await (await GetAsync(browser, "/account")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken)))]);

        Assert.Equal(HttpStatusCode.Forbidden, confirm.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains(sample.Emulator.Options.Users[0].Instances, instance => instance.Id == 123);
        Assert.DoesNotContain(sample.Emulator.RequestsTo(LinodeEmulatorEndpoint.LinodeInstance), request => request.Method == "DELETE");
    }

    [Fact]
    public async Task A_signed_in_user_with_write_access_deploys_without_another_trip_to_Linode()
    {
        await using var sample = new DeploySample();
        using var browser = sample.CreateBrowser();
        await DeploySample.DeployAsync(browser, new Dictionary<string, string> { ["Label"] = "first" });
        var authorizeRequests = sample.Emulator.RequestCount(LinodeEmulatorEndpoint.Authorize);

        using var second = await DeploySample.DeployAsync(browser, new Dictionary<string, string> { ["Label"] = "second" });

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(authorizeRequests, sample.Emulator.RequestCount(LinodeEmulatorEndpoint.Authorize));
        Assert.Contains(sample.Emulator.Options.Users[0].Instances, instance => instance.Label == "second");
    }

    [Fact]
    public async Task A_post_without_the_anti_forgery_token_is_refused_and_nothing_is_kept()
    {
        await using var sample = new DeploySample();
        using var browser = sample.CreateBrowser();

        using var response = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, App + "/deploy")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Plan"] = "g6-nanode-1", ["Region"] = "us-east", ["Image"] = "linode/debian12", ["Label"] = "x-1" }),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(browser.Cookies.GetAllCookies(), cookie => cookie.Name == "WebSample.Deploy");
    }

    [Fact]
    public async Task Disconnect_revokes_the_token_and_keeps_the_user_signed_in()
    {
        await using var sample = new DeploySample();
        using var browser = sample.CreateBrowser();
        var accountHtml = await SignInAsync(browser);
        var token = sample.Emulator.Tokens.Single().AccessToken;

        using var disconnected = await browser.PostFormAsync(App + "/account/disconnect", [KeyValuePair.Create("__RequestVerificationToken", AntiforgeryToken(accountHtml))]);
        var html = await disconnected.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var account = await GetAsync(browser, "/account");
        using var list = await GetAsync(browser, "/linodes");

        Assert.Equal(HttpStatusCode.OK, disconnected.StatusCode);
        Assert.Contains("<h1 id=\"disconnected\">Linode disconnected</h1>", html, StringComparison.Ordinal);
        Assert.False(sample.Emulator.IsAccessTokenActive(token));
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        Assert.Equal("/account", browser.History[^2].Uri.AbsolutePath);
        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Contains(sample.Logs.Entries, entry => entry.EventId.Id == 5 && entry.Message.StartsWith("The user disconnected Linode: token revocation Revoked.", StringComparison.Ordinal));
    }
}
