using System.Net;
using System.Text;
using System.Text.Json;
using Linode.AspNetCore.Authentication.Testing;
using Microsoft.AspNetCore.WebUtilities;

namespace Linode.AspNetCore.Authentication.Testing.Tests;

/// <summary>The emulator is served to real browsers by the sample: it redirects codes only to registered callbacks,
/// protects its consent form, stays bounded in memory and answers malformed input with 400, never a 500.</summary>
public sealed class EmulatorSecurityTests
{
    private const string Client = "client_id=" + LinodeEmulatorClient.DefaultClientId + "&response_type=code&state=s";

    [Theory]
    [InlineData("https://evil.example/cb")]
    [InlineData("httpx://evil.example/cb")]
    [InlineData("http://localhost.evil.example/signin-linode")]
    [InlineData("http://localhost:5080/other")]
    [InlineData("https://localhost/signin-linode")]
    [InlineData("http://localhost/other")]
    public async Task The_default_client_redirects_only_to_its_registered_callback(string redirectUri)
    {
        await using var emulator = new LinodeEmulator();
        using var http = new HttpClient(emulator.CreateHttpMessageHandler()) { BaseAddress = new Uri("https://login.linode.com/") };

        using var response = await http.GetAsync($"oauth/authorize?{Client}&redirect_uri={Uri.EscapeDataString(redirectUri)}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Empty(emulator.Tokens);
    }

    [Fact]
    public async Task The_default_client_is_registered_for_the_test_server_callback()
    {
        await using var emulator = new LinodeEmulator();
        using var http = new HttpClient(emulator.CreateHttpMessageHandler()) { BaseAddress = new Uri("https://login.linode.com/") };

        using var response = await http.GetAsync($"oauth/authorize?{Client}&redirect_uri={Uri.EscapeDataString("http://localhost/signin-linode")}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.StartsWith("http://localhost/signin-linode?state=s&code=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal("http://localhost/signin-linode", LinodeEmulatorClient.CreateDefault().RedirectUri);
    }

    [Theory]
    [InlineData("http")]
    [InlineData("")]
    [InlineData("https://app.example")]
    [InlineData("app.example/signin")]
    [InlineData("javascript:alert(1)//")]
    [InlineData("ftp://app.example/cb")]
    public void A_registered_redirect_uri_must_be_a_full_http_url_with_a_path(string redirectUri)
    {
        Assert.ThrowsAny<ArgumentException>(() => new LinodeEmulatorClient("c", "s", redirectUri));
        var client = LinodeEmulatorClient.CreateDefault("https://app.example/signin-linode");
        Assert.ThrowsAny<ArgumentException>(() => client.RedirectUri = redirectUri);
        Assert.Equal("https://app.example/signin-linode", client.RedirectUri);
    }

    [Fact]
    public async Task The_consent_page_cannot_be_framed_and_carries_a_per_request_token()
    {
        await using var client = new EmulatorClient(options => options.ConsentMode = LinodeEmulatorConsentMode.Interactive);

        var first = await client.OpenConsentPageAsync();
        var second = await client.OpenConsentPageAsync(first.Cookie);

        Assert.Equal("frame-ancestors 'none'", first.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", first.Headers.GetValues("X-Frame-Options").Single());
        Assert.NotEmpty(first.Token);
        Assert.NotEqual(first.Token, second.Token);
        Assert.Contains("HttpOnly", first.SetCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("SameSite=Strict", first.SetCookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("no-cookie")]
    [InlineData("forged")]
    [InlineData("other-browser")]
    public async Task A_consent_post_without_the_pages_token_is_refused(string kind)
    {
        await using var client = new EmulatorClient(options => options.ConsentMode = LinodeEmulatorConsentMode.Interactive);
        var page = await client.OpenConsentPageAsync();
        var other = await client.OpenConsentPageAsync();
        var (token, cookie) = kind switch
        {
            "none" => ((string?)null, page.Cookie),
            "no-cookie" => (page.Token, null),
            "forged" => (page.Token[..^4] + "AAAA", page.Cookie),
            _ => (other.Token, page.Cookie),
        };

        using var response = await client.PostConsentAsync(token, cookie);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("consent form expired", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_consent_post_with_the_pages_token_and_cookie_is_accepted()
    {
        await using var client = new EmulatorClient(options => options.ConsentMode = LinodeEmulatorConsentMode.Interactive);
        var page = await client.OpenConsentPageAsync();

        using var response = await client.PostConsentAsync(page.Token, page.Cookie);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.StartsWith(EmulatorClient.RedirectUri, response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_recording_is_a_bounded_ring()
    {
        await using var client = new EmulatorClient(options => options.RecordedRequestLimit = 10);

        for (var i = 0; i < 25; i++)
        {
            using var response = await client.GetApiAsync("profile?n=" + i, token: null);
        }

        Assert.Equal(10, client.Emulator.Requests.Count);
        Assert.Equal("?n=15", client.Emulator.Requests[0].QueryString);
        Assert.Equal("?n=24", client.Emulator.Requests[^1].QueryString);
        Assert.Equal(25, client.Emulator.RequestCount(LinodeEmulatorEndpoint.Profile));
    }

    [Fact]
    public void Recording_is_on_and_bounded_by_default()
    {
        var options = new LinodeEmulatorOptions();

        Assert.True(options.RecordRequests);
        Assert.Equal(1000, options.RecordedRequestLimit);
    }

    [Fact]
    public async Task Expired_codes_and_dead_tokens_are_purged()
    {
        await using var client = new EmulatorClient();
        var stale = await client.GetCodeAsync();
        var (_, first) = await client.ExchangeAsync(await client.GetCodeAsync());
        await client.PostTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = first.GetProperty("refresh_token").GetString()!,
            ["client_id"] = LinodeEmulatorClient.DefaultClientId, ["client_secret"] = LinodeEmulatorClient.DefaultClientSecret,
        });
        Assert.Equal(2, client.Emulator.Tokens.Count);

        client.Time.Advance(TimeSpan.FromHours(4));
        await client.ExchangeAsync(await client.GetCodeAsync());
        var (status, body) = await client.ExchangeAsync(stale);

        Assert.Equal(2, client.Emulator.Tokens.Count);
        Assert.Null(client.Emulator.FindToken(first.GetProperty("access_token").GetString()!));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("The authorization code is unknown.", body.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task Too_many_scopes_are_refused_with_invalid_scope()
    {
        await using var client = new EmulatorClient();
        var scopes = string.Join(',', Enumerable.Range(0, 40_000).Select(i => "linodes:read_only" + i));

        using var response = await client.Http.PostAsync("oauth/authorize", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = LinodeEmulatorClient.DefaultClientId, ["response_type"] = "code", ["redirect_uri"] = EmulatorClient.RedirectUri, ["scope"] = scopes,
        }), TestContext.Current.CancellationToken);
        using var get = await client.AuthorizeAsync($"{Client}&redirect_uri={Uri.EscapeDataString(EmulatorClient.RedirectUri)}&scope={Uri.EscapeDataString(string.Join(',', Enumerable.Range(0, 300).Select(i => "s" + i)))}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Found, get.StatusCode);
        Assert.Equal("invalid_scope", QueryHelpers.ParseQuery(get.Headers.Location!.Query)["error"].ToString());
        Assert.Empty(client.Emulator.Tokens);
    }

    [Fact]
    public async Task Repeated_scopes_count_once()
    {
        await using var client = new EmulatorClient();

        var code = await client.GetCodeAsync(string.Join(' ', Enumerable.Repeat("linodes:read_only", 5000)));
        var (_, body) = await client.ExchangeAsync(code);

        Assert.Equal("linodes:read_only", body.GetProperty("scopes").GetString());
    }

    public static TheoryData<string> MalformedForms => new() { "multipart-without-boundary", "too-many-fields", "truncated-multipart", "bad-urlencoded-length" };

    [Theory]
    [MemberData(nameof(MalformedForms))]
    public async Task A_malformed_form_is_a_400_in_Linodes_error_shape(string kind)
    {
        await using var client = new EmulatorClient();
        HttpContent content = kind switch
        {
            "multipart-without-boundary" => new StringContent("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--", Encoding.ASCII, "multipart/form-data"),
            "too-many-fields" => new StringContent(string.Join('&', Enumerable.Range(0, 1100).Select(i => $"f{i}=1")), Encoding.ASCII, "application/x-www-form-urlencoded"),
            "truncated-multipart" => MultipartTruncated(),
            _ => new StringContent(new string('a', 3_000_000) + "=1", Encoding.ASCII, "application/x-www-form-urlencoded"),
        };

        foreach (var path in new[] { "oauth/token", "oauth/revoke", "oauth/authorize" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = await CloneAsync(content) };
            using var response = await client.Http.SendAsync(request, TestContext.Current.CancellationToken);
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("invalid_request", body.GetProperty("error").GetString());
            Assert.StartsWith("The form could not be read", body.GetProperty("errors")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
            var log = Assert.Single(client.Logs.Entries, entry => entry.EventId.Id == 6001 && entry.Message.Contains("POST /" + path, StringComparison.Ordinal));
            Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, log.Level);
        }
    }

    private static StringContent MultipartTruncated()
    {
        var content = new StringContent("--b\r\nContent-Disposition: form-data; name=\"client_id\"\r\n\r\n0123", Encoding.ASCII);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        return content;
    }

    private static async Task<HttpContent> CloneAsync(HttpContent content)
    {
        var clone = new ByteArrayContent(await content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        clone.Headers.ContentType = content.Headers.ContentType;
        return clone;
    }
}
