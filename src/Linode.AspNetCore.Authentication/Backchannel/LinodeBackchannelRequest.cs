using System.Net.Http.Headers;

namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>
/// Creates back-channel requests the way Linode's edge expects them: <c>Accept: application/json</c> and the
/// package's versioned <c>User-Agent</c>. Client credentials only ever travel in form bodies.
/// </summary>
internal static class LinodeBackchannelRequest
{
    // Stryker disable once all : static initializer: evaluated once per test process, so Stryker's shared MTP test process cannot test it honestly (docs/testing.md)
    private static readonly ProductInfoHeaderValue UserAgent = ProductInfoHeaderValue.Parse(LinodeTelemetry.UserAgent);
    // Stryker disable once all : static initializer: evaluated once per test process, so Stryker's shared MTP test process cannot test it honestly (docs/testing.md)
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");

    public static HttpRequestMessage Form(string endpoint, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var request = Create(HttpMethod.Post, endpoint);
        request.Content = new FormUrlEncodedContent(fields);
        return request;
    }

    public static HttpRequestMessage Get(string endpoint, string accessToken)
    {
        var request = Create(HttpMethod.Get, endpoint);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return request;
    }

    private static HttpRequestMessage Create(HttpMethod method, string endpoint)
    {
        var request = new HttpRequestMessage(method, endpoint);
        request.Headers.Accept.Add(Json);
        request.Headers.UserAgent.Add(UserAgent);
        return request;
    }
}
