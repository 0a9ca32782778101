using System.Net;
using Linode.AspNetCore.Authentication.Testing;
using Linode.AspNetCore.Authentication.WebSample.Tests.Infrastructure;
using static Linode.AspNetCore.Authentication.WebSample.Tests.Infrastructure.SampleFlows;

namespace Linode.AspNetCore.Authentication.WebSample.Tests.Security;

/// <summary>Every outcome of the sample's call to Linode's API gets a page a person understands, never a 500 or a stack
/// trace: Linode's own failures are a gateway's (502, 503, 504), and the page says which.</summary>
public sealed class SampleApiFailureTests
{
    private const string Unreadable = "Linode&#x27;s API could not be reached or gave an answer this app could not read. Try again in a minute.";

    public static TheoryData<string, int, string> ApiFaults => new()
    {
        { "500", 502, "Linode&#x27;s API failed (HTTP 500). Try again in a minute." },
        { "502-html", 502, "Linode&#x27;s API failed (HTTP 502). Try again in a minute." },
        { "503", 503, "Linode&#x27;s API is unavailable at the moment (HTTP 503). Try again in a minute." },
        { "malformed-json", 502, Unreadable },
        { "200-html", 502, Unreadable },
        { "empty-body", 502, Unreadable },
        { "timeout", 504, "Linode&#x27;s API did not answer in time. Try again in a minute." },
    };

    [Theory]
    [MemberData(nameof(ApiFaults))]
    public async Task An_unusable_answer_from_the_api_says_try_again_later_with_a_gateway_status(string kind, int status, string message)
    {
        await using var sample = new SampleFactory { Settings = { ["LinodeApi:Timeout"] = "00:00:00.500" } };
        using var browser = sample.CreateBrowser();
        await SignInAsync(browser);
        sample.Emulator.Faults.Add(LinodeEmulatorEndpoint.LinodeInstances, kind switch
        {
            "500" => LinodeEmulatorFault.Status(500),
            "502-html" => LinodeEmulatorFault.Html(502),
            "503" => LinodeEmulatorFault.Status(503, "{\"errors\":[{\"reason\":\"Service unavailable\"}]}"),
            "malformed-json" => LinodeEmulatorFault.MalformedJson(),
            "200-html" => LinodeEmulatorFault.Html(200),
            "empty-body" => LinodeEmulatorFault.Status(200, string.Empty),
            _ => LinodeEmulatorFault.Slow(TimeSpan.FromSeconds(5)),
        });

        using var response = await GetAsync(browser, "/linodes");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains("id=\"problem\">" + message, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"instances\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("revoked")]
    [InlineData("401")]
    public async Task A_token_Linode_no_longer_accepts_says_sign_in_again(string kind)
    {
        await using var sample = new SampleFactory();
        using var browser = sample.CreateBrowser();
        await SignInAsync(browser);
        var token = sample.Emulator.Tokens.Single();
        if (kind == "revoked")
        {
            await sample.RevokeAtLinodeAsync(token.AccessToken);
        }
        else
        {
            sample.Emulator.Faults.Add(LinodeEmulatorEndpoint.LinodeInstances, LinodeEmulatorFault.Status(401, "{\"errors\":[{\"reason\":\"Invalid Token\"}]}"));
        }

        using var response = await GetAsync(browser, "/linodes");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Linode no longer accepts this app&#x27;s access to your account (it was revoked or has expired). Sign out and sign in again.", html, StringComparison.Ordinal);
        Assert.Contains("id=\"signin-again\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(token.AccessToken, html, StringComparison.Ordinal);
    }
}
