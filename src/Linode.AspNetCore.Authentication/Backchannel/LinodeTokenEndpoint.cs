using System.Text.Json;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.Extensions.Logging;

namespace Linode.AspNetCore.Authentication;

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
        using var telemetry = LinodeTelemetry.Start(options, operation);
        using var request = LinodeBackchannelRequest.Form(options.TokenEndpoint, form);
        try
        {
            using var response = await options.Backchannel.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var failure = await LinodeFailure.FromResponseAsync(EndpointName, response, options.TimeProvider, logger, cancellationToken).ConfigureAwait(false);
                telemetry.Failed(failure);
                return OAuthTokenResponse.Failed(failure);
            }

            // Never log a successful token body: it holds the tokens.
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var document = await LinodeJsonBody.ReadObjectHavingAsync(stream, "access_token", HasText, cancellationToken).ConfigureAwait(false);
            if (document is not null)
            {
                telemetry.Succeeded((int)response.StatusCode);
                return OAuthTokenResponse.Success(document);
            }

            LinodeLog.MalformedResponse(logger, EndpointName, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType);
            telemetry.Failed("malformed", (int)response.StatusCode, "malformed");
            return OAuthTokenResponse.Failed(LinodeFailure.Create(
                $"Linode's token endpoint answered {(int)response.StatusCode} without a JSON object carrying an access_token.", "invalid_token_response"));
        }
        catch (Exception exception) when (LinodeConnectionFailure.IsBackchannelFailure(exception, cancellationToken))
        {
            var failure = LinodeConnectionFailure.Failure(EndpointName, exception, options.BackchannelTimeout, logger);
            telemetry.Failed(failure);
            return OAuthTokenResponse.Failed(failure);
        }
    }

    private static bool HasText(JsonElement token) => token.ValueKind == JsonValueKind.String && token.GetString() is { Length: > 0 };
}
