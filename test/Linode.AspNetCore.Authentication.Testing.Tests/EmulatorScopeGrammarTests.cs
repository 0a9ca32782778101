using System.Net;
using Linode.AspNetCore.Authentication.Testing;

namespace Linode.AspNetCore.Authentication.Testing.Tests;

/// <summary>Linode's scope grammar as the emulator applies it: every family named in plain words on the consent page,
/// the levels (legacy <c>view</c>/<c>create</c>/<c>modify</c>/<c>delete</c> included), and which granted scopes open an
/// endpoint.</summary>
public sealed class EmulatorScopeGrammarTests
{
    private const string Client = "client_id=" + LinodeEmulatorClient.DefaultClientId + "&response_type=code&redirect_uri=https%3A%2F%2Fclient.test%2Fcallback";

    [Theory]
    [InlineData("account:read_only", "Account: view (read only)")]
    [InlineData("child_account:read_only", "Child accounts: view (read only)")]
    [InlineData("databases:read_only", "Databases: view (read only)")]
    [InlineData("domains:read_only", "Domains: view (read only)")]
    [InlineData("events:read_only", "Events: view (read only)")]
    [InlineData("firewall:read_only", "Firewalls: view (read only)")]
    [InlineData("images:read_only", "Images: view (read only)")]
    [InlineData("ips:read_only", "IPs: view (read only)")]
    [InlineData("linodes:read_only", "Linodes: view (read only)")]
    [InlineData("lke:read_only", "Kubernetes (LKE): view (read only)")]
    [InlineData("longview:read_only", "Longview: view (read only)")]
    [InlineData("monitor:read_only", "Monitor: view (read only)")]
    [InlineData("nodebalancers:read_only", "NodeBalancers: view (read only)")]
    [InlineData("object_storage:read_only", "Object Storage: view (read only)")]
    [InlineData("stackscripts:read_only", "StackScripts: view (read only)")]
    [InlineData("volumes:read_only", "Volumes: view (read only)")]
    [InlineData("vpc:read_only", "VPC: view (read only)")]
    [InlineData("linodes:read_write", "Linodes: view and change (read/write)")]
    [InlineData("linodes:view", "Linodes: view (read only)")]
    [InlineData("linodes:create", "Linodes: view and change (read/write)")]
    [InlineData("linodes:modify", "Linodes: view and change (read/write)")]
    [InlineData("linodes:delete", "Linodes: view and change (read/write)")]
    [InlineData("linodes:*", "Linodes: full access")]
    [InlineData("*", "Full access to everything on your account (read and write)")]
    [InlineData("widgets:read_only", "widgets: view (read only)")]
    [InlineData("linodes:sometimes", "Linodes: sometimes")]
    public async Task The_consent_page_describes_each_scope_in_plain_words(string scope, string description)
    {
        await using var client = new EmulatorClient(options => options.ConsentMode = LinodeEmulatorConsentMode.Interactive);

        using var response = await client.AuthorizeAsync($"{Client}&scope={Uri.EscapeDataString(scope)}&state=s");
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(description + " <code>" + scope + "</code>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_comma_followed_by_a_space_separates_two_scopes_and_adds_no_empty_one()
    {
        await using var client = new EmulatorClient();

        using var response = await client.AuthorizeAsync($"{Client}&scope=linodes:read_only,%20domains:read_write,,&state=s");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(["linodes:read_only", "domains:read_write"], client.Emulator.GetConsentedScopes(LinodeEmulatorClient.DefaultClientId, "exampleUser"));
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, "linodes:read_only", "account:read_only")]
    [InlineData(HttpStatusCode.OK, "account:modify")]
    [InlineData(HttpStatusCode.Unauthorized, "account")]
    [InlineData(HttpStatusCode.Unauthorized, "account:sometimes")]
    [InlineData(HttpStatusCode.Unauthorized, "accounts:read_only")]
    [InlineData(HttpStatusCode.Unauthorized, ":read_only")]
    public async Task Only_a_granted_scope_of_the_family_at_a_known_level_opens_an_endpoint(HttpStatusCode expected, params string[] granted)
    {
        await using var client = new EmulatorClient();
        var token = client.Emulator.IssueAccessToken("exampleUser", granted);

        using var response = await client.GetApiAsync("account", token.AccessToken);

        Assert.Equal(expected, response.StatusCode);
    }
}
