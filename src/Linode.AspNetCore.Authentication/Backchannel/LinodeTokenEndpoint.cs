using System.Text.Json;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.Extensions.Logging;

namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>
/// Posts a grant to Linode's token endpoint (code exchange now, refresh later) and turns every answer into an
/// <see cref="OAuthTokenResponse"/>: success only for a 2xx JSON object that carries an <c>access_token</c>;
/// everything else (4xx/5xx, HTML from the edge, malformed JSON, time-outs, network errors) becomes a failure
/// whose exception carries the status and Linode's error code.
/// </summary>
internal static class LinodeTokenEndpoint
{
    public const string EndpointName = "token";

    /// <param name="options">The scheme's options.</param>
    /// <param name="operation"><c>exchange</c> (an authorization code) or <c>refresh</c>, for telemetry.</param>
    /// <param name="form">The grant.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static async Task<OAuthTokenResponse> PostAsync(LinodeOptions options, string operation, IEnumerable<KeyValuePair<string, string>> form, ILogger logger, CancellationToken cancellationToken)
    {
        var call = new LinodeBackchannelCall<JsonDocument>(EndpointName, operation, ReadAsync, "invalid_token_response",
            status => $"Linode's token endpoint answered {status} without a JSON object carrying an access_token.");
        var answer = await LinodeBackchannel.SendAsync(options, LinodeBackchannelRequest.Form(options.TokenEndpoint, form), call, logger, cancellationToken).ConfigureAwait(false);
        return answer.Value is { } document ? OAuthTokenResponse.Success(document) : OAuthTokenResponse.Failed(answer.Failure!);
    }

    // Never log a successful token body: it holds the tokens.
    [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<JsonDocument?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        await LinodeJsonBody.ReadObjectHavingAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), "access_token", HasText, cancellationToken).ConfigureAwait(false);

    private static bool HasText(JsonElement token) => token.ValueKind == JsonValueKind.String && token.GetString() is { Length: > 0 };
}
