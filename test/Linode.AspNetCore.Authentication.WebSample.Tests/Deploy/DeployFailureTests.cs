using System.Net;
using Linode.AspNetCore.Authentication.Testing;
using static Linode.AspNetCore.Authentication.WebSample.Tests.Infrastructure.SampleFlows;

namespace Linode.AspNetCore.Authentication.WebSample.Tests.Deploy;

/// <summary>Every failure a person can meet while deploying gets a page that says what happened and what to do, with the
/// status that matches (Linode's failures 502/503/504, never a 500 or a stack trace), and nothing created unless Linode
/// created it.</summary>
public sealed class DeployFailureTests
{
    [Fact]
    public async Task Unticking_write_access_on_Linodes_consent_page_creates_nothing_and_says_why()
    {
        await using var sample = new DeploySample();
        using var browser = sample.CreateBrowser();

        using var response = await DeploySample.DeployAsync(browser, consent: html => html.Replace("checked value=\"linodes:read_write\"", "value=\"linodes:read_write\"", StringComparison.Ordinal));
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("/deploy/confirm", browser.History[^1].Uri.AbsolutePath);
        Assert.Contains("<h1>Write access was not granted</h1>", html, StringComparison.Ordinal);
        Assert.Contains("(linodes:read_write), and Linode&#x27;s consent did not include it. Nothing was created.", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"button\" href=\"/deploy\" id=\"retry\">Back</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(sample.Emulator.Requests, request => request.Endpoint == LinodeEmulatorEndpoint.LinodeInstances && request.Method == "POST");
    }

    [Fact]
    public async Task Declining_on_Linodes_consent_page_creates_nothing()
    {
        await using var sample = new DeploySample();
        using var browser = sample.CreateBrowser();

        using var response = await DeploySample.DeployAsync(browser, approve: false);

        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/deploy/declined", browser.History[^1].Uri.AbsolutePath);
        Assert.Contains("<h1 id=\"denied\">Nothing was created</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\" class=\"button\" id=\"retry\">Try again with the same choices</button>", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"Udf[hostname]\" value=\"web01\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain(sample.Emulator.Requests, request => request.Endpoint == LinodeEmulatorEndpoint.LinodeInstances && request.Method == "POST");
        Assert.DoesNotContain(browser.Cookies.GetAllCookies(), cookie => cookie.Name == "WebSample.Deploy");
    }

    [Theory]
    [InlineData("Label", "ab", "label", "Length must be 3-64 characters")]
    [InlineData("Label", "web--1", "label", "Must begin and end with a letter or digit, and contain only letters, digits and single &#x27;-&#x27;, &#x27;_&#x27; or &#x27;.&#x27; between them")]
    [InlineData("Udf[hostname]", "", "stackscript_data.hostname", "The server&#x27;s host name is required")]
    [InlineData("Region", "mars-1", "region", "region is not valid")]
    public async Task Linodes_field_errors_are_shown_next_to_the_field_with_the_choices_kept(string input, string value, string field, string reason)
    {
        await using var sample = new DeploySample();
        using var browser = sample.CreateBrowser();

        using var response = await DeploySample.DeployAsync(browser, new Dictionary<string, string> { [input] = value, ["Plan"] = "g6-standard-2" });
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"<span class=\"field-error\" data-field=\"{field}\">{reason}</span>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"g6-standard-2\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.Contains("id=\"deploy-form\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(sample.Emulator.Options.Users[0].Instances, instance => instance.Tags.Contains("install-on-linode"));
    }

    [Theory]
    [InlineData("401", 401, "Linode no longer accepts this app&#x27;s access to your account")]
    [InlineData("scope", 403, "Your Linode sign-in does not allow creating Linodes: it needs a scope Linode did not name.")]
    [InlineData("403", 403, "Linode&#x27;s API refused creating Linodes for your Linode user (&quot;Unauthorized&quot;). If someone else administers your Linode account, they can grant it.")]
    [InlineData("403-html", 403, "Linode refused the request before its API answered (HTTP 403 without an API error), so nothing was done.")]
    [InlineData("429", 429, "Linode is rate-limiting this app; try again in 12 seconds.")]
    [InlineData("500", 502, "Linode&#x27;s API failed (HTTP 500). Try again in a minute.")]
    [InlineData("502-html", 502, "Linode&#x27;s API failed (HTTP 502). Try again in a minute.")]
    [InlineData("503-html", 503, "Linode&#x27;s API is unavailable at the moment (HTTP 503). Try again in a minute.")]
    [InlineData("malformed-json", 502, "Linode&#x27;s API could not be reached or gave an answer this app could not read. Try again in a minute.")]
    [InlineData("timeout", 504, "Linode&#x27;s API did not answer in time. Try again in a minute.")]
    public async Task Every_failed_create_gets_a_page_that_says_what_to_do(string kind, int status, string message)
    {
        await using var sample = new DeploySample { Settings = { ["LinodeApi:Timeout"] = "00:00:00.500" } };
        using var browser = sample.CreateBrowser();
        sample.Emulator.Faults.Add(LinodeEmulatorEndpoint.LinodeInstances, kind switch
        {
            "401" => LinodeEmulatorFault.Status(401, "{\"errors\":[{\"reason\":\"Invalid Token\"}]}"),
            "scope" => LinodeEmulatorFault.Status(401, "{\"errors\":[{\"reason\":\"Your OAuth token is not authorized to use this endpoint.\"}]}"),
            "403" => LinodeEmulatorFault.Status(403, "{\"errors\":[{\"reason\":\"Unauthorized\"}]}"),
            "403-html" => LinodeEmulatorFault.Html(403),
            "503-html" => LinodeEmulatorFault.Html(503),
            "429" => LinodeEmulatorFault.RateLimited(12),
            "500" => LinodeEmulatorFault.Status(500),
            "502-html" => LinodeEmulatorFault.Html(502),
            "malformed-json" => LinodeEmulatorFault.MalformedJson(),
            _ => LinodeEmulatorFault.Slow(TimeSpan.FromSeconds(5)),
        }, times: 1);

        using var response = await DeploySample.DeployAsync(browser);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains("<h1>The Linode was not created</h1>", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.Equal(kind == "401", html.Contains("id=\"signin-again\"", StringComparison.Ordinal));
        Assert.DoesNotContain(sample.Emulator.Options.Users[0].Instances, instance => instance.Tags.Contains("install-on-linode"));
        Assert.Contains(sample.Logs.Entries, entry => entry.EventId.Id == 3 && entry.Message.StartsWith("Linode's API refused or failed the create call (", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_revoked_token_says_sign_in_again()
    {
        await using var sample = new DeploySample();
        using var browser = sample.CreateBrowser();
        await DeploySample.DeployAsync(browser, new Dictionary<string, string> { ["Label"] = "first" });
        await sample.RevokeAtLinodeAsync(sample.Emulator.Tokens.Single().AccessToken);

        using var response = await DeploySample.DeployAsync(browser, new Dictionary<string, string> { ["Label"] = "second" });
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Sign out and sign in again.", html, StringComparison.Ordinal);
        Assert.Contains("id=\"signin-again\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(sample.Emulator.Options.Users[0].Instances, instance => instance.Label == "second");
    }

    [Theory]
    [InlineData("42", "The StackScript this app deploys (id 42) was not found on Linode, or it is not public.")]
    [InlineData("1000002", "The StackScript this app deploys (id 1000002) was not found on Linode, or it is not public.")]
    public async Task A_StackScript_that_is_missing_or_not_public_is_explained_and_no_form_is_shown(string id, string message)
    {
        await using var sample = new DeploySample { Settings = { ["Deploy:StackScriptId"] = id } };
        sample.Emulator.Options.StackScripts.Add(new LinodeEmulatorStackScript(1000002, "private-one", "someone", ["linode/debian12"], []) { IsPublic = false });
        using var browser = sample.CreateBrowser();

        using var response = await GetAsync(browser, "/deploy");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"deploy-form\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("regions")]
    [InlineData("types")]
    [InlineData("stackscript")]
    public async Task A_catalogue_Linode_cannot_serve_says_try_again_later(string which)
    {
        await using var sample = new DeploySample();
        sample.Emulator.Faults.Add(which switch
        {
            "regions" => LinodeEmulatorEndpoint.Regions,
            "types" => LinodeEmulatorEndpoint.LinodeTypes,
            _ => LinodeEmulatorEndpoint.StackScript,
        }, LinodeEmulatorFault.Html(503), times: 1);
        using var browser = sample.CreateBrowser();

        using var response = await GetAsync(browser, "/deploy");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("<p class=\"banner\" id=\"problem\">Linode&#x27;s API is unavailable at the moment (HTTP 503). Try again in a minute.</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"deploy-form\"", html, StringComparison.Ordinal);
        Assert.Contains(sample.Logs.Entries, entry => entry.EventId.Id == 3);
    }

    [Fact]
    public async Task Choices_that_outlived_their_cookie_send_the_user_back_to_pick_again()
    {
        await using var sample = new DeploySample();
        using var browser = sample.CreateBrowser();
        await SignInAsync(browser);

        using var response = await browser.GetAsync(App + "/deploy/confirm");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/deploy", browser.History[^1].Uri.AbsolutePath);
        Assert.Contains("Your choices expired before you came back from Linode; please pick them again.", html, StringComparison.Ordinal);
        Assert.DoesNotContain(sample.Emulator.Requests, request => request.Endpoint == LinodeEmulatorEndpoint.LinodeInstances && request.Method == "POST");
    }

    [Fact]
    public async Task A_tampered_choices_cookie_is_ignored()
    {
        await using var sample = new DeploySample();
        using var browser = sample.CreateBrowser();
        await SignInAsync(browser);
        browser.Cookies.Add(new Uri(App), new System.Net.Cookie("WebSample.Deploy", "CfDJ8-not-a-protected-value", "/deploy"));

        using var response = await browser.GetAsync(App + "/deploy/confirm");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/deploy", browser.History[^1].Uri.AbsolutePath);
        Assert.DoesNotContain(sample.Emulator.Requests, request => request.Endpoint == LinodeEmulatorEndpoint.LinodeInstances && request.Method == "POST");
    }

    [Theory]
    [InlineData("Plan", "")]
    [InlineData("Label", "")]
    [InlineData("Label", "a-label-that-is-far-too-long-for-linode-which-allows-sixty-four-characters-at-most")]
    public async Task Choices_the_form_cannot_have_made_are_refused_before_Linode(string input, string value)
    {
        await using var sample = new DeploySample();
        using var browser = sample.CreateBrowser();
        using var form = await GetAsync(browser, "/deploy");
        var fields = DeploySample.FormFields(await form.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), new Dictionary<string, string> { [input] = value });

        using var response = await browser.PostFormAsync(App + "/deploy", fields);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Please choose a value (at most 64 characters).", html, StringComparison.Ordinal);
        Assert.Equal(0, sample.Emulator.RequestCount(LinodeEmulatorEndpoint.Authorize));
        Assert.DoesNotContain(browser.Cookies.GetAllCookies(), cookie => cookie.Name == "WebSample.Deploy");
    }
}
