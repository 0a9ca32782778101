using System.Net;
using System.Text.RegularExpressions;
using Linode.AspNetCore.Authentication.Testing;
using Linode.AspNetCore.Authentication.WebSample.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static Linode.AspNetCore.Authentication.WebSample.Tests.Infrastructure.SampleFlows;

namespace Linode.AspNetCore.Authentication.WebSample.Tests.Deploy;

/// <summary>The deploy form as Linode defines it: no stranger's StackScript against real Linode, a label that does not
/// collide, required fields marked, the sample's own errors next to their field, and multiple-choice fields.</summary>
public sealed class DeployFormTests
{
    [Fact]
    public async Task Against_real_Linode_without_a_StackScript_configured_the_page_says_how_to_configure_one()
    {
        await using var sample = new SampleFactory
        {
            Settings =
            {
                ["Authentication:Schemes:Linode:ClientId"] = "0123456789abcdef0123",
                ["Authentication:Schemes:Linode:ClientSecret"] = "a-secret-of-the-apps-own",
                // Nothing may reach Linode: a closed loopback port stands for its API.
                ["LinodeApi:BaseAddress"] = "http://127.0.0.1:9/v4/",
            },
        };
        using var client = sample.CreateClient();

        using var response = await client.GetAsync("/deploy", TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This app has no StackScript to deploy yet. Its author publishes a StackScript on Linode and sets Deploy:StackScriptId to its id", html, StringComparison.Ordinal);
        Assert.Contains("dotnet user-secrets set Deploy:StackScriptId &lt;id&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"deploy-form\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("1000001", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_proposed_label_is_image_region_and_time_so_a_second_deployment_does_not_collide()
    {
        // The real time, to the second: the browser's cookie jar keeps real time (a correlation cookie lives 15 minutes).
        var start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var time = new FakeTimeProvider(start);
        await using var sample = new DeploySample { Time = time };
        using var browser = sample.CreateBrowser();
        using var form = await GetAsync(browser, "/deploy");
        var html = await form.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var firstLabel = "debian12-us-east-" + start.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var secondLabel = "debian12-us-east-" + start.AddMinutes(1).ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"<input name=\"Label\" id=\"label\" value=\"{firstLabel}\"", html, StringComparison.Ordinal);

        using var first = await DeploySample.DeployAsync(browser);
        time.Advance(TimeSpan.FromMinutes(1));
        using var second = await DeploySample.DeployAsync(browser);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal([firstLabel, secondLabel],
            sample.Emulator.Options.Users[0].Instances.Where(instance => instance.Tags.Contains("install-on-linode")).Select(instance => instance.Label));
    }

    [Fact]
    public async Task Fields_Linode_requires_are_required_in_the_form()
    {
        await using var sample = new DeploySample();
        using var browser = sample.CreateBrowser();

        using var form = await GetAsync(browser, "/deploy");
        var html = await form.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Matches("<input name=\"Udf\\[hostname\\]\" id=\"udf-hostname\" [^>]*required=\"required\">", html);
        Assert.DoesNotMatch("<input name=\"Udf\\[site_title\\]\" [^>]*required", html);
        Assert.DoesNotMatch("<select name=\"Udf\\[web_server\\]\" [^>]*required", html);
    }

    [Fact]
    public async Task The_samples_own_error_for_a_StackScript_field_is_shown_next_to_that_field()
    {
        await using var sample = new DeploySample();
        using var browser = sample.CreateBrowser();

        using var response = await DeploySample.DeployAsync(browser, new Dictionary<string, string> { ["Udf[site_title]"] = new string('x', 257) });
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<span class=\"field-error\" data-field=\"stackscript_data.site_title\">At most 256 characters.</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"form-error\"", html, StringComparison.Ordinal);
        Assert.Equal(0, sample.CreateCalls);
    }

    [Fact]
    public async Task A_multiple_choice_field_is_offered_as_checkboxes_and_sent_comma_separated()
    {
        await using var sample = new DeploySample { Settings = { ["Deploy:StackScriptId"] = "1000003" } };
        sample.Emulator.Options.StackScripts.Add(new LinodeEmulatorStackScript(1000003, "with-extras", "someone", ["linode/debian12"],
        [
            new LinodeEmulatorUserDefinedField("hostname", "Host name"),
            new LinodeEmulatorUserDefinedField("extras", "Extra packages") { Default = "ufw", ManyOf = ["git", "ufw", "fail2ban"] },
        ]));
        using var browser = sample.CreateBrowser();
        using var form = await GetAsync(browser, "/deploy");
        var html = await form.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<input type=\"checkbox\" name=\"Udf[extras]\" value=\"ufw\" checked=\"checked\">", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"checkbox\" name=\"Udf[extras]\" value=\"git\">", html, StringComparison.Ordinal);

        var fields = DeploySample.FormFields(html).Where(field => !field.Key.StartsWith("Udf[", StringComparison.Ordinal)).ToList();
        fields.AddRange([KeyValuePair.Create("Udf[hostname]", "web01"), KeyValuePair.Create("Udf[extras]", "git"), KeyValuePair.Create("Udf[extras]", "fail2ban")]);
        using var consent = await browser.PostFormAsync(App + "/deploy", fields);
        using var confirmation = await AnswerConsentAsync(browser, await consent.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), browser.History[^1].Uri, approve: true);
        var confirmationHtml = await confirmation.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var created = await browser.PostFormAsync(App + "/deploy/create", DeploySample.ConfirmFields(confirmationHtml));

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal("git,fail2ban", sample.CreateRequestBody().GetProperty("stackscript_data").GetProperty("extras").GetString());
        Assert.Matches(new Regex("<dt>extras</dt><dd>git,fail2ban</dd>"), confirmationHtml);
    }
}
