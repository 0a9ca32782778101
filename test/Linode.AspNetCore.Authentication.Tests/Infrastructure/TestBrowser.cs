using System.Net;

namespace Linode.AspNetCore.Authentication.Tests.Infrastructure;

/// <summary>
/// A loopback "browser": routes each request by host to an in-process handler (the app's TestServer or the Linode
/// emulator), keeps cookies per host like a browser, and follows redirects across hosts, recording every hop.
/// Unknown hosts throw: no test ever reaches the network.
/// </summary>
public sealed class TestBrowser : IDisposable
{
    private readonly Dictionary<string, HttpMessageInvoker> _hosts = new(StringComparer.OrdinalIgnoreCase);

    public CookieContainer Cookies { get; } = new();

    public List<Hop> History { get; } = [];

    public void Route(string host, HttpMessageHandler handler) => _hosts[host] = new HttpMessageInvoker(handler, disposeHandler: true);

    /// <summary>Sends one request without following redirects.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        var uri = request.RequestUri!;
        if (!_hosts.TryGetValue(uri.Host, out var invoker))
        {
            throw new InvalidOperationException($"The test browser has no route to '{uri.Host}' (no network in tests).");
        }

        var cookies = Cookies.GetCookieHeader(uri);
        if (cookies.Length > 0)
        {
            request.Headers.Add("Cookie", cookies);
        }

        var response = await invoker.SendAsync(request, TestContext.Current.CancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies)
            {
                Cookies.SetCookies(uri, setCookie);
            }
        }

        // The raw header first: parsing it (Headers.Location) would escape what the server sent.
        var rawLocation = response.Headers.NonValidated.TryGetValues("Location", out var raw) ? raw.ToString() : null;
        lock (History)
        {
            History.Add(new Hop(request.Method, uri, response.StatusCode, response.Headers.Location is { } location ? new Uri(uri, location) : null, rawLocation));
        }
        return response;
    }

    /// <summary>GETs <paramref name="url"/> and follows redirects until a non-redirect answer or <paramref name="stopAt"/>.</summary>
    public async Task<HttpResponseMessage> GetAsync(string url, Func<Uri, bool>? stopAt = null, int maxHops = 10)
    {
        var uri = new Uri(url);
        for (var hop = 0; hop < maxHops; hop++)
        {
            var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, uri));
            if ((int)response.StatusCode is < 300 or >= 400 || response.Headers.Location is null)
            {
                return response;
            }

            var next = new Uri(uri, response.Headers.Location);
            if (stopAt?.Invoke(next) == true)
            {
                return response;
            }

            response.Dispose();
            uri = next;
        }

        throw new InvalidOperationException($"More than {maxHops} redirects starting at {url}.");
    }

    /// <summary>POSTs a form and follows the redirects of the answer.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) });
        if (response.Headers.Location is { } location && (int)response.StatusCode is >= 300 and < 400)
        {
            return await GetAsync(new Uri(new Uri(url), location).ToString());
        }

        return response;
    }

    public void Dispose()
    {
        foreach (var invoker in _hosts.Values)
        {
            invoker.Dispose();
        }
    }

    public sealed record Hop(HttpMethod Method, Uri Uri, HttpStatusCode Status, Uri? Location, string? RawLocation = null);
}
