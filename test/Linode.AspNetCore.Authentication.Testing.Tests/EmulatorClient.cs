using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Linode.AspNetCore.Authentication.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Time.Testing;

namespace Linode.AspNetCore.Authentication.Testing.Tests;

/// <summary>Drives the emulator directly over its in-process handler, as a raw OAuth client would.</summary>
internal sealed class EmulatorClient : IAsyncDisposable
{
    public const string RedirectUri = "https://client.test/callback";

    public EmulatorClient(Action<LinodeEmulatorOptions>? configure = null)
    {
        var options = new LinodeEmulatorOptions();
        options.Clients.Clear();
        options.Clients.Add(new LinodeEmulatorClient(LinodeEmulatorClient.DefaultClientId, LinodeEmulatorClient.DefaultClientSecret, "https://client.test/"));
        options.Clients.Add(new LinodeEmulatorClient("aaaaaaaaaaaaaaaaaaaa", null, "https://public.test/", "Public app"));
        options.RecordRequests = true;
        configure?.Invoke(options);
        Emulator = new LinodeEmulator(options, Time, new Microsoft.Extensions.Logging.LoggerFactory([Logs]));
        Http = new HttpClient(Emulator.CreateHttpMessageHandler()) { BaseAddress = new Uri("https://login.linode.com/") };
    }

    public Linode.AspNetCore.Authentication.Tests.Infrastructure.LogCapture Logs { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public LinodeEmulator Emulator { get; }

    public HttpClient Http { get; }

    public async Task<HttpResponseMessage> AuthorizeAsync(string query) =>
        await Http.GetAsync("oauth/authorize?" + query, TestContext.Current.CancellationToken);

    /// <summary>Authorizes and returns the code from the redirect.</summary>
    public async Task<string> GetCodeAsync(string scope = "linodes:read_only", string extra = "")
    {
        using var response = await AuthorizeAsync($"client_id={LinodeEmulatorClient.DefaultClientId}&response_type=code&redirect_uri={Uri.EscapeDataString(RedirectUri)}&scope={Uri.EscapeDataString(scope)}&state=s1{extra}");
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        return QueryHelpers.ParseQuery(response.Headers.Location!.Query)["code"].ToString();
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> PostTokenAsync(IDictionary<string, string> form)
    {
        using var response = await Http.PostAsync("oauth/token", new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone());
    }

    public Task<(HttpStatusCode Status, JsonElement Body)> ExchangeAsync(string code, Dictionary<string, string>? extra = null)
    {
        var form = new Dictionary<string, string>
        {
            ["client_id"] = LinodeEmulatorClient.DefaultClientId,
            ["client_secret"] = LinodeEmulatorClient.DefaultClientSecret,
            ["code"] = code,
        };
        foreach (var (key, value) in extra ?? [])
        {
            form[key] = value;
        }

        return PostTokenAsync(form);
    }

    /// <summary>Opens the interactive consent page as a browser would (sending <paramref name="cookie"/> when given) and
    /// returns its anti-forgery token, the cookie it set (or the one sent) and the response headers.</summary>
    public async Task<ConsentPageVisit> OpenConsentPageAsync(string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"oauth/authorize?client_id={LinodeEmulatorClient.DefaultClientId}&response_type=code&redirect_uri={Uri.EscapeDataString(RedirectUri)}&scope=linodes%3Aread_only&state=s1");
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        using var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"csrf_token\" value=\"([^\"]+)\"").Groups[1].Value;
        var setCookie = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Single() : string.Empty;
        return new ConsentPageVisit(System.Net.WebUtility.HtmlDecode(token), setCookie.Length > 0 ? setCookie.Split(';')[0] : cookie, setCookie, response.Headers);
    }

    /// <summary>Posts an approval of the consent form with the given token and cookie.</summary>
    public async Task<HttpResponseMessage> PostConsentAsync(string? token, string? cookie, Dictionary<string, string>? fields = null)
    {
        var form = fields ?? new Dictionary<string, string>
        {
            ["client_id"] = LinodeEmulatorClient.DefaultClientId, ["response_type"] = "code", ["redirect_uri"] = RedirectUri,
            ["scope"] = "linodes:read_only", ["state"] = "s1", ["user"] = "exampleUser", ["decision"] = "approve", ["granted"] = "linodes:read_only",
        };
        if (token is not null)
        {
            form["csrf_token"] = token;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "oauth/authorize") { Content = new FormUrlEncodedContent(form) };
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return await Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public Task<HttpResponseMessage> GetApiAsync(string path, string? token) => SendApiAsync(HttpMethod.Get, path, token);

    /// <summary>An API request; <paramref name="json"/> is sent as an <c>application/json</c> body.</summary>
    public async Task<HttpResponseMessage> SendApiAsync(HttpMethod method, string path, string? token, string? json = null)
    {
        using var request = new HttpRequestMessage(method, "https://api.linode.com/v4/" + path);
        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}

internal sealed record ConsentPageVisit(string Token, string? Cookie, string SetCookie, System.Net.Http.Headers.HttpResponseHeaders Headers);
