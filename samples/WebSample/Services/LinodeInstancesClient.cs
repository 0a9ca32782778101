using System.Net.Http.Json;

namespace WebSample.Services;

/// <summary>A typed Linode API client. The signed-in user's token is attached by <c>AddLinodeUserAccessToken()</c>.</summary>
public sealed class LinodeInstancesClient(HttpClient http)
{
    public async Task<IReadOnlyList<LinodeInstance>> ListAsync(CancellationToken cancellationToken)
    {
        var page = await http.GetFromJsonAsync<LinodePage<LinodeInstance>>("linode/instances", cancellationToken);
        return page?.Data ?? [];
    }
}

public sealed record LinodePage<T>(IReadOnlyList<T> Data, int Page, int Pages, int Results);

public sealed record LinodeInstance(long Id, string Label, string Region, string Type, string Status);
