using System.Net;
using System.Net.Http.Json;

namespace WebSample.Services;

/// <summary>Linode's public catalogue, read without any user token: plans, regions, a public StackScript.</summary>
public sealed class LinodeCatalogClient(HttpClient http)
{
    public async Task<IReadOnlyList<LinodePlan>> PlansAsync(CancellationToken cancellationToken) =>
        (await http.GetFromJsonAsync("linode/types", LinodeApiJson.Default.LinodePageLinodePlan, cancellationToken))?.Data ?? [];

    public async Task<IReadOnlyList<LinodeRegion>> RegionsAsync(CancellationToken cancellationToken) =>
        (await http.GetFromJsonAsync("regions", LinodeApiJson.Default.LinodePageLinodeRegion, cancellationToken))?.Data ?? [];

    /// <summary>The StackScript, or null when Linode does not know it or it is not public.</summary>
    public async Task<StackScript?> StackScriptAsync(long id, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"linode/stackscripts/{id}", cancellationToken);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        var script = await response.Content.ReadFromJsonAsync(LinodeApiJson.Default.StackScript, cancellationToken);
        return script is { IsPublic: true } ? script : null;
    }
}
