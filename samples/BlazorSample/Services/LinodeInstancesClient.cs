using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace BlazorSample.Services;

/// <summary>The signed-in user's Linodes, through a client registered with <c>AddLinodeUserAccessToken()</c>: the same
/// registration an MVC app uses, called here from an interactive component's circuit.</summary>
public sealed class LinodeInstancesClient(HttpClient http)
{
    public async Task<IReadOnlyList<LinodeInstance>> ListAsync(CancellationToken cancellationToken = default)
    {
        var page = await http.GetFromJsonAsync<LinodePage>("linode/instances", cancellationToken);
        return page?.Data ?? [];
    }

    private sealed record LinodePage([property: JsonPropertyName("data")] IReadOnlyList<LinodeInstance>? Data);
}

/// <summary>One Linode, as the list shows it.</summary>
public sealed record LinodeInstance(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("label")] string? Label,
    [property: JsonPropertyName("region")] string? Region,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("status")] string? Status);
