using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Linode.AspNetCore.Authentication;

namespace WebSample.Services;

/// <summary>
/// Reads every Linode API answer the same way. A failure becomes an exception that keeps what is known about it: a
/// <see cref="LinodeApiException"/> carrying Linode's <c>errors[0].reason</c> when Linode's API itself answered (a JSON
/// error), or a plain <see cref="HttpRequestException"/> with only the status when something in front of the API did
/// (an HTML page from Linode's edge or a proxy).
/// </summary>
internal static class LinodeApiAnswer
{
    private const int MaxReasonLength = 200;

    /// <summary>The answer's JSON body as <typeparamref name="T"/>; throws for a failure or an empty body.</summary>
    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync(type, cancellationToken)
            ?? throw new HttpRequestException("Linode's API answered an empty body.", null, response.StatusCode);
    }

    /// <summary>Throws for a non-success answer: <see cref="LinodeApiException"/> when Linode's API gave a reason,
    /// <see cref="HttpRequestException"/> otherwise.</summary>
    public static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var message = $"Linode answered {(int)response.StatusCode} {response.ReasonPhrase}.";
        throw await ReasonAsync(response, cancellationToken) is { } reason
            ? new LinodeApiException(message, response.StatusCode, reason)
            : new HttpRequestException(message, null, response.StatusCode);
    }

    private static async Task<string?> ReasonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentType?.MediaType is not "application/json")
        {
            return null;
        }

        try
        {
            var errors = await response.Content.ReadFromJsonAsync(LinodeApiJson.Default.LinodeErrors, cancellationToken);
            return errors?.Errors is [{ Reason: { Length: > 0 } reason }, ..]
                ? reason.Length <= MaxReasonLength ? reason : reason[..MaxReasonLength] + "…"
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
