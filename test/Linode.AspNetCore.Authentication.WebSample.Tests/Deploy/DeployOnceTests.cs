using System.Net;
using Linode.AspNetCore.Authentication.Testing;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;
using Linode.AspNetCore.Authentication.WebSample.Tests.Infrastructure;
using static Linode.AspNetCore.Authentication.WebSample.Tests.Infrastructure.SampleFlows;

namespace Linode.AspNetCore.Authentication.WebSample.Tests.Deploy;

/// <summary>A billable Linode is created exactly once per decision of the signed-in user: never on a GET, once for a
/// replayed or concurrent confirmation, never from a declined consent, never with another user's decision.</summary>
public sealed class DeployOnceTests
{
    /// <summary>Signs in, picks the defaults and comes back from Linode's consent page to the confirmation page.</summary>
    private static async Task<string> OpenConfirmationAsync(DeploySample sample, Linode.AspNetCore.Authentication.Tests.Infrastructure.TestBrowser browser)
    {
        using var confirmation = await DeploySample.DeployAsync(browser, confirm: false);
        Assert.Equal(HttpStatusCode.OK, confirmation.StatusCode);
        Assert.Equal("/deploy/confirm", browser.History[^1].Uri.AbsolutePath);
        Assert.Equal(0, sample.CreateCalls);
        return await confirmation.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Coming_back_from_Linode_creates_nothing_until_the_user_confirms_and_then_exactly_one()
    {
        await using var sample = new DeploySample();
        using var browser = sample.CreateBrowser();
        var html = await OpenConfirmationAsync(sample, browser);
        using (await GetAsync(browser, "/deploy/confirm"))
        using (await GetAsync(browser, "/deploy/create"))
        {
        }

        Assert.Equal(0, sample.CreateCalls);
        Assert.Contains("Confirming creates exactly one Linode", html, StringComparison.Ordinal);
        using var created = await browser.PostFormAsync(App + "/deploy/create", DeploySample.ConfirmFields(html));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(1, sample.CreateCalls);
    }

    [Fact]
    public async Task A_replayed_confirmation_creates_nothing_more_and_says_which_Linode_it_created()
    {
        await using var sample = new DeploySample();
        using var browser = sample.CreateBrowser();
        var fields = DeploySample.ConfirmFields(await OpenConfirmationAsync(sample, browser));
        using var first = await browser.PostFormAsync(App + "/deploy/create", fields);
        var firstHtml = await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // A reload of the created page sends the same confirmation again.
        using var replay = await browser.PostFormAsync(App + "/deploy/create", fields);
        var html = await replay.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        var created = sample.Emulator.Options.Users[0].Instances.Single(instance => instance.Tags.Contains("install-on-linode"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(1, sample.CreateCalls);
        Assert.Contains($"<p class=\"banner\" id=\"already-created\">This deployment created Linode {created.Id}, and it creates nothing more.", html, StringComparison.Ordinal);
        Assert.Contains($"<dd id=\"linode-id\">{created.Id}</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"button\" href=\"/linodes\" id=\"my-linodes\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("root-password", html, StringComparison.Ordinal);
        Assert.DoesNotContain(DeploySample.RootPasswordOn(firstHtml), html, StringComparison.Ordinal);
        Assert.DoesNotContain("pick them again", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_confirmation_replayed_while_its_Linode_is_being_created_says_already_confirmed()
    {
        await using var sample = new DeploySample();
        using var browser = sample.CreateBrowser();
        var fields = DeploySample.ConfirmFields(await OpenConfirmationAsync(sample, browser));
        sample.Emulator.Faults.Add(LinodeEmulatorEndpoint.LinodeInstances, LinodeEmulatorFault.Slow(TimeSpan.FromMilliseconds(500)), times: 1);
        var first = browser.PostFormAsync(App + "/deploy/create", fields);
        await Eventually.TrueAsync(() => sample.CreateCalls == 1);

        using var replay = await browser.PostFormAsync(App + "/deploy/create", fields);
        var html = await replay.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        (await first).Dispose();

        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        Assert.Contains("This deployment was already confirmed, and it creates one Linode only.", html, StringComparison.Ordinal);
        Assert.Equal(1, sample.CreateCalls);
    }

    [Fact]
    public async Task Four_concurrent_confirmations_create_one_Linode()
    {
        await using var sample = new DeploySample();
        using var browser = sample.CreateBrowser();
        var fields = DeploySample.ConfirmFields(await OpenConfirmationAsync(sample, browser));
        sample.Emulator.Faults.Add(LinodeEmulatorEndpoint.LinodeInstances, LinodeEmulatorFault.Slow(TimeSpan.FromMilliseconds(300)));

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var response = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, App + "/deploy/create") { Content = new FormUrlEncodedContent(fields) });
            return response.StatusCode;
        }));

        Assert.Equal(1, sample.CreateCalls);
        Assert.Single(answers, status => status == HttpStatusCode.OK);
        Assert.Equal(3, answers.Count(status => status == HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task A_declined_consent_followed_by_a_direct_request_to_the_create_step_creates_nothing()
    {
        await using var sample = new DeploySample();
        using var browser = sample.CreateBrowser();
        await SignInAsync(browser);
        using (await DeploySample.DeployAsync(browser, approve: false))
        {
        }

        // A cross-site link or a replay then reaches the create steps.
        using var confirm = await browser.GetAsync(App + "/deploy/confirm");
        var landedOn = browser.History[^1].Uri.PathAndQuery;
        using var create = await browser.PostFormAsync(App + "/deploy/create", []);

        Assert.Equal("/deploy?expired=true", landedOn);
        Assert.Equal("/deploy?expired=true", browser.History[^1].Uri.PathAndQuery);
        Assert.Equal(0, sample.CreateCalls);
        Assert.DoesNotContain(browser.Cookies.GetAllCookies(), cookie => cookie.Name == "WebSample.Deploy");
    }

    [Fact]
    public async Task Another_users_confirmation_creates_nothing()
    {
        await using var sample = new DeploySample();
        using var alice = sample.CreateBrowser();
        var alicesDecision = DeploySample.ConfirmFields(await OpenConfirmationAsync(sample, alice)).Single(field => field.Key == "decision");

        using var bob = sample.CreateBrowser();
        var (consent, page) = await OpenConsentAsync(bob);
        using (await AnswerConsentAsync(bob, consent, page, approve: true, user: "restrictedUser"))
        {
        }

        using var bobsForm = await GetAsync(bob, "/deploy");
        var bobsToken = AntiforgeryToken(await bobsForm.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        using var response = await bob.PostFormAsync(App + "/deploy/create", [KeyValuePair.Create("__RequestVerificationToken", bobsToken), alicesDecision]);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("This confirmation was made for another signed-in user. Nothing was created", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(0, sample.CreateCalls);
    }
}
