using System.Net;
using System.Net.Http.Json;

namespace WebSample.Services;

/// <summary>Linode's public catalogue, read without any user token: plans, regions, a public StackScript.</summary>
public sealed class LinodeCatalogClient(HttpClient http)
{
    public async Task<IReadOnlyList<LinodePlan>> PlansAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("linode/types", cancellationToken);
        return (await LinodeApiAnswer.ReadAsync(response, LinodeApiJson.Default.LinodePageLinodePlan, cancellationToken)).Data ?? [];
    }

    public async Task<IReadOnlyList<LinodeRegion>> RegionsAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("regions", cancellationToken);
        return (await LinodeApiAnswer.ReadAsync(response, LinodeApiJson.Default.LinodePageLinodeRegion, cancellationToken)).Data ?? [];
    }

    /// <summary>The StackScript, or null when Linode does not know it or it is not public.</summary>
    public async Task<StackScript?> StackScriptAsync(long id, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"linode/stackscripts/{id}", cancellationToken);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return null;
        }

        var script = await LinodeApiAnswer.ReadAsync(response, LinodeApiJson.Default.StackScript, cancellationToken);
        return script.IsPublic ? script : null;
    }
}
