using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Linode.AspNetCore.Authentication.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Time.Testing;

namespace Linode.AspNetCore.Authentication.Tests.Emulator;

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
        configure?.Invoke(options);
        Emulator = new LinodeEmulator(options, Time);
        Http = new HttpClient(Emulator.CreateHttpMessageHandler()) { BaseAddress = new Uri("https://login.linode.com/") };
    }

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

    public async Task<HttpResponseMessage> GetApiAsync(string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.linode.com/v4/" + path);
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
