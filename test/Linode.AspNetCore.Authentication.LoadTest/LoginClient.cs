using System.Diagnostics;
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

    /// <summary>One complete login starting at <paramref name="start"/>; true when it ends on the protected page with 200.</summary>
    public async Task<bool> LoginAsync(Uri start, CancellationToken cancellationToken)
    {
        var cookies = new Dictionary<string, string>(StringComparer.Ordinal);
        var uri = start;
        for (var hop = 0; hop < 8; hop++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            if (cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", cookies.Select(pair => pair.Key + "=" + pair.Value)));
            }

            using var response = await _http.SendAsync(request, cancellationToken);
            Remember(response, cookies);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return uri.AbsolutePath == "/me";
            }

            if (response.StatusCode != HttpStatusCode.Found || response.Headers.Location is null)
            {
                return false;
            }

            uri = new Uri(uri, response.Headers.Location);
        }

        return false;
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

    internal static double ElapsedMilliseconds(long start) => Stopwatch.GetElapsedTime(start).TotalMilliseconds;
}
