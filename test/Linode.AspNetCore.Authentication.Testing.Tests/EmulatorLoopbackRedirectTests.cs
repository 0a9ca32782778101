using System.Net;

namespace Linode.AspNetCore.Authentication.Testing.Tests;

/// <summary>
/// A client registered for a loopback URL without a port (the default client's <c>http://localhost/signin-linode</c>)
/// accepts that callback on any port and any loopback host (RFC 8252 §7.3), so an app run by <c>dotnet run</c> on any port
/// signs in with the default client; everything else must still start with the registered URI, and a refusal names the
/// URI sent, the one registered and what to change.
/// </summary>
public sealed class EmulatorLoopbackRedirectTests
{
    private static EmulatorClient WithLoopbackClient(string registered = LinodeEmulatorClient.DefaultRedirectUri) =>
        new(options => options.Clients[0].RedirectUri = registered);

    private static Task<HttpResponseMessage> AuthorizeAsync(EmulatorClient client, string redirectUri) =>
        client.AuthorizeAsync($"client_id={LinodeEmulatorClient.DefaultClientId}&response_type=code&scope=linodes%3Aread_only&state=s1&redirect_uri={Uri.EscapeDataString(redirectUri)}");

    [Theory]
    [InlineData("http://localhost:5080/signin-linode")]
    [InlineData("http://localhost:49152/signin-linode")]
    [InlineData("http://127.0.0.1:5081/signin-linode")]
    [InlineData("http://[::1]:7000/signin-linode")]
    [InlineData("http://localhost/signin-linode")]
    public async Task A_loopback_callback_on_any_port_is_accepted_and_the_code_goes_there(string redirectUri)
    {
        await using var client = WithLoopbackClient();

        using var response = await AuthorizeAsync(client, redirectUri);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.StartsWith(redirectUri + "?", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("code=", response.Headers.Location!.Query, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LinodeEmulatorClient.DefaultRedirectUri, "https://localhost:5080/signin-linode")]          // another scheme
    [InlineData(LinodeEmulatorClient.DefaultRedirectUri, "http://localhost:5080/other-callback")]          // another path
    [InlineData(LinodeEmulatorClient.DefaultRedirectUri, "http://example.test:5080/signin-linode")]        // not loopback
    [InlineData(LinodeEmulatorClient.DefaultRedirectUri, "http://localhost:5080@evil.test/signin-linode")] // user information: the host is evil.test
    [InlineData(LinodeEmulatorClient.DefaultRedirectUri, "http://localhost.evil.test:5080/signin-linode")] // a name that only starts like it
    [InlineData("http://localhost:5080/signin-linode", "http://localhost:5081/signin-linode")]              // a registered port is kept
    [InlineData("https://app.test/signin-linode", "https://app.test:8443/signin-linode")]                  // not loopback: exact prefix only
    public async Task Anything_else_must_start_with_the_registered_uri_and_the_refusal_names_both_and_the_fix(string registered, string redirectUri)
    {
        await using var client = WithLoopbackClient(registered);

        using var response = await AuthorizeAsync(client, redirectUri);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains($"The redirect_uri '{redirectUri}' does not start with the redirect URI registered for this client ('{registered}')", page, StringComparison.Ordinal);
        Assert.Contains($"set the RedirectUri of its client '{LinodeEmulatorClient.DefaultClientId}' (emulator.Options.Clients) to '{redirectUri}'", page, StringComparison.Ordinal);
    }
}
