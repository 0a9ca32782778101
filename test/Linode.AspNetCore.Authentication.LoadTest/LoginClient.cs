using System.Net;

namespace Linode.AspNetCore.Authentication.LoadTest;

/// <summary>
/// Plays browsers: each login starts with an empty cookie jar, follows every redirect (app, emulator's authorize page,
/// callback, protected page) and sends cookies back, over one shared, pooled connection handler.
/// </summary>
internal sealed class LoginClient : IDisposable
{
    private readonly HttpMessageInvoker _http = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
    });

    private readonly Func<Uri, (Uri Target, string? Host)> _route;

    /// <param name="route">Where a request to a URL really goes, and the Host header it carries (a load balancer in
    /// front of several instances); null sends every request where its URL says.</param>
    public LoginClient(Func<Uri, (Uri Target, string? Host)>? route = null) => _route = route ?? (uri => (uri, null));

    /// <summary>One complete login starting at <paramref name="start"/>; true when it ends on the protected page with 200.</summary>
    public async Task<bool> LoginAsync(Uri start, CancellationToken cancellationToken) => await SignInAsync(start, cancellationToken) is not null;

    /// <summary>One complete login; the browser's cookies when it ends on the protected page with 200, else null.</summary>
    public async Task<Dictionary<string, string>?> SignInAsync(Uri start, CancellationToken cancellationToken)
    {
        var cookies = new Dictionary<string, string>(StringComparer.Ordinal);
        var uri = start;
        for (var hop = 0; hop < 8; hop++)
        {
            using var response = await SendAsync(uri, cookies, cancellationToken);
            Remember(response, cookies);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return uri.AbsolutePath == "/me" ? cookies : null;
            }

            if (response.StatusCode != HttpStatusCode.Found || response.Headers.Location is null)
            {
                return null;
            }

            uri = new Uri(uri, response.Headers.Location);
        }

        return null;
    }

    /// <summary>One GET with <paramref name="cookies"/>, not followed; its status code.</summary>
    public async Task<HttpStatusCode> GetAsync(Uri uri, IReadOnlyDictionary<string, string> cookies, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(uri, cookies, cancellationToken);
        return response.StatusCode;
    }

    private async Task<HttpResponseMessage> SendAsync(Uri uri, IReadOnlyDictionary<string, string> cookies, CancellationToken cancellationToken)
    {
        var (target, host) = _route(uri);
        using var request = new HttpRequestMessage(HttpMethod.Get, target);
        if (host is not null)
        {
            request.Headers.Host = host;
        }

        if (cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", cookies.Select(pair => pair.Key + "=" + pair.Value)));
        }

        return await _http.SendAsync(request, cancellationToken);
    }

    public void Dispose() => _http.Dispose();

    private static void Remember(HttpResponseMessage response, Dictionary<string, string> cookies)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var headers))
        {
            return;
        }

        foreach (var header in headers)
        {
            var pair = header.AsSpan(0, header.IndexOf(';') is var end and >= 0 ? end : header.Length);
            var equals = pair.IndexOf('=');
            var name = pair[..equals].ToString();
            var value = pair[(equals + 1)..].ToString();
            if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
            {
                cookies.Remove(name);
            }
            else
            {
                cookies[name] = value;
            }
        }
    }
}
