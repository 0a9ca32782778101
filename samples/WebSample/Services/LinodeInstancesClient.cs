using System.Net;
using System.Net.Http.Json;

namespace WebSample.Services;

/// <summary>
/// The signed-in user's Linodes. The user's token is attached by <c>AddLinodeUserAccessToken()</c>, which also turns
/// Linode's 401 and 429 into <c>LinodeInvalidTokenException</c>, <c>LinodeMissingScopeException</c> and
/// <c>LinodeRateLimitedException</c>; any other failure is read by <see cref="LinodeApiAnswer"/> (a
/// <c>LinodeApiException</c> when the API gave a reason, an <see cref="HttpRequestException"/> with the status otherwise).
/// </summary>
public sealed class LinodeInstancesClient(HttpClient http)
{
    public async Task<IReadOnlyList<LinodeInstance>> ListAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("linode/instances", cancellationToken);
        return (await LinodeApiAnswer.ReadAsync(response, LinodeApiJson.Default.LinodePageLinodeInstance, cancellationToken)).Data ?? [];
    }

    public async Task<LinodeInstance> GetAsync(long id, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"linode/instances/{id}", cancellationToken);
        return await LinodeApiAnswer.ReadAsync(response, LinodeApiJson.Default.LinodeInstance, cancellationToken);
    }

    /// <summary>Creates a Linode. Linode's 400 comes back as field errors (<see cref="CreateLinodeResult.Errors"/>).</summary>
    public async Task<CreateLinodeResult> CreateAsync(CreateLinodeRequest request, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("linode/instances", request, LinodeApiJson.Default.CreateLinodeRequest, cancellationToken);
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            var errors = await response.Content.ReadFromJsonAsync(LinodeApiJson.Default.LinodeErrors, cancellationToken);
            return new CreateLinodeResult(null, errors?.Errors is { Count: > 0 } list ? list : [new LinodeFieldError(null, "Linode refused the request.")]);
        }

        return new CreateLinodeResult(await LinodeApiAnswer.ReadAsync(response, LinodeApiJson.Default.LinodeInstance, cancellationToken), []);
    }

    /// <summary>Deletes a Linode; false when it no longer exists.</summary>
    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken)
    {
        using var response = await http.DeleteAsync($"linode/instances/{id}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await LinodeApiAnswer.EnsureSuccessAsync(response, cancellationToken);
        return true;
    }
}

/// <summary>The new Linode, or the errors Linode gave for the request.</summary>
public sealed record CreateLinodeResult(LinodeInstance? Created, IReadOnlyList<LinodeFieldError> Errors);
