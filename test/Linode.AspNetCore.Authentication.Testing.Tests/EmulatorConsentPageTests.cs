using System.Net;
using System.Text.RegularExpressions;

namespace Linode.AspNetCore.Authentication.Testing.Tests;

/// <summary>The consent page and the authorization error page, whole (the stylesheet and the per-visit anti-forgery token
/// aside): what a person sees and what the form posts back, every request parameter carried and encoded.</summary>
public sealed partial class EmulatorConsentPageTests
{
    private const string WithScopes = """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Authorize Test application — Linode emulator</title><style>…</style></head><body><p class="note">Linode emulator (login.linode.com stand-in for local development and tests)</p><h1><span class="app">Test application</span> wants to access your Linode account</h1><form method="post" action="authorize"><input type="hidden" name="csrf_token" value="…"><input type="hidden" name="client_id" value="0123456789abcdef0123"><input type="hidden" name="response_type" value="code"><input type="hidden" name="redirect_uri" value="https://client.test/callback"><input type="hidden" name="state" value="s&lt;1"><input type="hidden" name="scope" value="linodes:read_only,domains:*"><input type="hidden" name="code_challenge" value="abc"><input type="hidden" name="code_challenge_method" value="S256"><fieldset><legend>Requested access</legend><label><input type="checkbox" name="granted" checked value="linodes:read_only"> Linodes: view (read only) <code>linodes:read_only</code></label><br><label><input type="checkbox" name="granted" checked value="domains:*"> Domains: full access <code>domains:*</code></label><br></fieldset><fieldset><legend>Sign in as</legend><label><input type="radio" name="user" value="exampleUser" checked> exampleUser &lt;example-user@gmail.com&gt;</label><br><label><input type="radio" name="user" value="restrictedUser"> restrictedUser &lt;restricted@example.com&gt;</label><br></fieldset><button id="approve" name="decision" value="approve">Approve</button><button id="deny" name="decision" value="deny">Deny</button></form></body></html>
        """;

    private const string WithoutScopes = """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Authorize Test application — Linode emulator</title><style>…</style></head><body><p class="note">Linode emulator (login.linode.com stand-in for local development and tests)</p><h1><span class="app">Test application</span> wants to access your Linode account</h1><form method="post" action="authorize"><input type="hidden" name="csrf_token" value="…"><input type="hidden" name="client_id" value="0123456789abcdef0123"><input type="hidden" name="response_type" value="code"><input type="hidden" name="redirect_uri" value="https://client.test/callback"><input type="hidden" name="state" value="s1"><input type="hidden" name="scope" value=""><fieldset><legend>Requested access</legend><p>Your username and email address only.</p></fieldset><fieldset><legend>Sign in as</legend><label><input type="radio" name="user" value="exampleUser" checked> exampleUser &lt;example-user@gmail.com&gt;</label><br><label><input type="radio" name="user" value="restrictedUser"> restrictedUser &lt;restricted@example.com&gt;</label><br></fieldset><button id="approve" name="decision" value="approve">Approve</button><button id="deny" name="decision" value="deny">Deny</button></form></body></html>
        """;

    private const string UnknownClient = """
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Linode emulator — error</title><style>…</style></head><body><h1>Authorization error</h1><p id="error">Unknown client_id.</p></body></html>
        """;

    [Theory]
    [InlineData("&scope=linodes%3Aread_only%2Cdomains%3A*&state=s%3C1&code_challenge=abc&code_challenge_method=S256", WithScopes)]
    [InlineData("&state=s1", WithoutScopes)]
    public async Task The_consent_page_names_the_app_the_scopes_in_plain_words_the_users_and_carries_every_parameter(string query, string expected)
    {
        await using var client = new EmulatorClient(options => options.ConsentMode = LinodeEmulatorConsentMode.Interactive);

        using var response = await client.AuthorizeAsync($"client_id={LinodeEmulatorClient.DefaultClientId}&response_type=code&redirect_uri={Uri.EscapeDataString(EmulatorClient.RedirectUri)}" + query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expected, Normalized(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task An_authorize_request_the_emulator_cannot_trust_gets_an_error_page_not_a_redirect()
    {
        await using var client = new EmulatorClient(options => options.ConsentMode = LinodeEmulatorConsentMode.Interactive);

        using var response = await client.AuthorizeAsync("client_id=nope&response_type=code");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal(UnknownClient, Normalized(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
    }

    private static string Normalized(string html) => CsrfToken().Replace(Style().Replace(html, "<style>…</style>"), "name=\"csrf_token\" value=\"…\"");

    [GeneratedRegex("<style>.*?</style>", RegexOptions.Singleline)]
    private static partial Regex Style();

    [GeneratedRegex("name=\"csrf_token\" value=\"[^\"]+\"")]
    private static partial Regex CsrfToken();
}
