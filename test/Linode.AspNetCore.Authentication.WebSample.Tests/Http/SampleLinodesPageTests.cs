using System.Net;
using Linode.AspNetCore.Authentication.Testing;
using Linode.AspNetCore.Authentication.WebSample.Tests.Infrastructure;
using static Linode.AspNetCore.Authentication.WebSample.Tests.Infrastructure.SampleFlows;

namespace Linode.AspNetCore.Authentication.WebSample.Tests.Http;

public sealed class SampleLinodesPageTests
{
    [Fact]
    public async Task The_linodes_page_lists_the_users_instances_through_the_api()
    {
        await using var sample = new SampleFactory();
        using var browser = sample.CreateBrowser();
        await SignInAsync(browser);

        using var response = await GetAsync(browser, "/linodes");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<td>web-1</td><td>us-east</td><td>g6-standard-2</td><td>running</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>db-1</td>", html, StringComparison.Ordinal);
        var call = Assert.Single(sample.Emulator.RequestsTo(LinodeEmulatorEndpoint.LinodeInstances));
        Assert.Equal("Bearer " + sample.Emulator.Tokens.Single().AccessToken, call.Headers["Authorization"]);
    }

    [Fact]
    public async Task Without_the_scope_the_page_says_which_scope_is_needed()
    {
        await using var sample = new SampleFactory();
        using var browser = sample.CreateBrowser();
        var (consent, page) = await OpenConsentAsync(browser);
        using (await AnswerConsentAsync(browser, consent.Replace("name=\"granted\" checked", "name=\"ungranted\" checked", StringComparison.Ordinal), page, approve: true))
        {
        }

        using var response = await GetAsync(browser, "/linodes");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("it needs linodes:read_only", html, StringComparison.Ordinal);
        Assert.Empty(sample.Emulator.Tokens.Single().Scopes);
    }

    /// <summary>Linode's list items as the API sends them, with one field left out each time: a missing field is an empty
    /// value on the page, never a 5xx.</summary>
    [Theory]
    [InlineData("tags")]
    [InlineData("ipv4")]
    [InlineData("image")]
    [InlineData("label")]
    [InlineData("region")]
    [InlineData("type")]
    [InlineData("status")]
    public async Task A_list_item_missing_a_field_is_listed_without_it(string dropped)
    {
        await using var sample = new SampleFactory();
        using var browser = sample.CreateBrowser();
        await SignInAsync(browser);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["id"] = "77",
            ["label"] = "\"web-77\"",
            ["region"] = "\"us-east\"",
            ["type"] = "\"g6-nanode-1\"",
            ["status"] = "\"running\"",
            ["image"] = "\"linode/debian12\"",
            ["ipv4"] = "[\"192.0.2.7\"]",
            ["tags"] = "[\"install-on-linode\"]",
        };
        fields.Remove(dropped);
        var item = "{" + string.Join(",", fields.Select(pair => $"\"{pair.Key}\":{pair.Value}")) + "}";
        sample.Emulator.Faults.Add(LinodeEmulatorEndpoint.LinodeInstances, LinodeEmulatorFault.Status(200, "{\"data\":[" + item + "],\"page\":1,\"pages\":1,\"results\":1}"));

        using var response = await GetAsync(browser, "/linodes");
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<tr data-id=\"77\">", html, StringComparison.Ordinal);
        Assert.Equal(dropped != "tags", html.Contains("href=\"/linodes/77/delete\"", StringComparison.Ordinal));
        Assert.DoesNotContain("id=\"problem\"", html, StringComparison.Ordinal);
    }
}
