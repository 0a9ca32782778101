using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace LinodeApp.Services;

/// <summary>
/// The Linode API as the signed-in user: registered with <c>AddLinodeUserAccessToken()</c>, which adds the user's access
/// token (refreshed first when due), the API root (<c>LinodeApi:BaseAddress</c>, else https://api.linode.com/v4/) and a
/// User-Agent. A missing scope, an invalid token and a rate limit arrive as <c>LinodeApiException</c>s.
/// </summary>
public sealed class LinodeInstancesClient(HttpClient http)
{
    /// <summary>The user's Linodes (the first page of <c>GET /v4/linode/instances</c>; needs <c>linodes:read_only</c>).</summary>
    public async Task<IReadOnlyList<LinodeInstance>> ListAsync(CancellationToken cancellationToken = default)
    {
        var page = await http.GetFromJsonAsync<InstancesPage>("linode/instances", cancellationToken);
        return page?.Data ?? [];
    }

    private sealed record InstancesPage([property: JsonPropertyName("data")] IReadOnlyList<LinodeInstance>? Data);
}

/// <summary>One Linode, as the list shows it (missing fields are null, never a failure).</summary>
public sealed record LinodeInstance(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("label")] string? Label,
    [property: JsonPropertyName("region")] string? Region,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("status")] string? Status);
