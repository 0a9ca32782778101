using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Linode.AspNetCore.Authentication;

namespace LinodeApp.Services;

/// <summary>
/// The Linode API as the signed-in user: registered with <c>AddLinodeUserAccessToken()</c>, which adds the user's access
/// token (refreshed first when due), the API root (<c>LinodeApi:BaseAddress</c>, else https://api.linode.com/v4/) and a
/// User-Agent. A missing scope, an invalid token and a rate limit arrive as <see cref="LinodeApiException"/>s.
/// </summary>
public sealed partial class LinodeInstancesClient(HttpClient http, ILogger<LinodeInstancesClient> logger)
{
    /// <summary>The user's Linodes (the first page of <c>GET /v4/linode/instances</c>; needs <c>linodes:read_only</c>).</summary>
    public async Task<IReadOnlyList<LinodeInstance>> ListAsync(CancellationToken cancellationToken = default)
    {
        var page = await http.GetFromJsonAsync<InstancesPage>("linode/instances", cancellationToken);
        return page?.Data ?? [];
    }

    /// <summary>
    /// The user's Linodes, or why they could not be read in words for the user: what a page shows, so that Linode's
    /// refusal (a missing scope, a revoked token, a rate limit) or an unreachable Linode is never a 500 nor a broken circuit.
    /// </summary>
    public async Task<LinodeInstancesResult> TryListAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return new(await ListAsync(cancellationToken), null);
        }
        catch (LinodeApiException exception)
        {
            LogApiRefused(logger, exception.StatusCode);
            return new([], exception.Message);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new([], "Linode could not be reached. Try again in a moment.");
        }
    }

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Linode's API refused the list of Linodes ({StatusCode}).")]
    private static partial void LogApiRefused(ILogger logger, System.Net.HttpStatusCode? statusCode);

    private sealed record InstancesPage([property: JsonPropertyName("data")] IReadOnlyList<LinodeInstance>? Data);
}

/// <summary>The user's Linodes, or the problem that kept them from being read (then the list is empty).</summary>
/// <param name="Instances">The Linodes.</param>
/// <param name="Problem">Why the list could not be read, in words for the user; null when it was.</param>
public sealed record LinodeInstancesResult(IReadOnlyList<LinodeInstance> Instances, string? Problem);

/// <summary>One Linode, as the list shows it (missing fields are null, never a failure).</summary>
public sealed record LinodeInstance(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("label")] string? Label,
    [property: JsonPropertyName("region")] string? Region,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("status")] string? Status);
