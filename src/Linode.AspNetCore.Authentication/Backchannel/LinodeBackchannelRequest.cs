using System.Net.Http.Headers;

namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>
/// Creates back-channel requests the way Linode's edge expects them: <c>Accept: application/json</c> and the
/// package's versioned <c>User-Agent</c>. Client credentials only ever travel in form bodies.
/// </summary>
internal static class LinodeBackchannelRequest
{
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
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.UserAgent.Add(LinodeTelemetryIdentity.UserAgentProduct);
        return request;
    }
}
