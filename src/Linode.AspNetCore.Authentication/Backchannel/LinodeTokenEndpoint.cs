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

    public static async Task<OAuthTokenResponse> PostAsync(LinodeOptions options, IEnumerable<KeyValuePair<string, string>> form, ILogger logger, CancellationToken cancellationToken)
    {
        using var activity = LinodeTelemetry.ActivitySource.StartActivity("Linode token request");
        using var request = LinodeBackchannelRequest.Form(options.TokenEndpoint, form);
        HttpResponseMessage response;
        try
        {
            response = await options.Backchannel.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsBackchannelFailure(exception, cancellationToken))
        {
            return Unreachable(logger, exception, options.BackchannelTimeout);
        }

        using (response)
        {
            string body;
            try
            {
                body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (IsBackchannelFailure(exception, cancellationToken))
            {
                return Unreachable(logger, exception, options.BackchannelTimeout);
            }

            var contentType = response.Content.Headers.ContentType?.MediaType;
            if (!response.IsSuccessStatusCode)
            {
                var error = LinodeErrorBody.Parse(body);
                LinodeLog.EndpointFailed(logger, EndpointName, (int)response.StatusCode, LinodeFailure.IsCode(error.Code) ? error.Code : "none");
                LinodeLog.LogErrorBody(logger, EndpointName, body);
                LinodeTelemetry.Count(EndpointName, "error");
                return OAuthTokenResponse.Failed(LinodeFailure.FromResponse(EndpointName, response.StatusCode, error, contentType, null));
            }

            // Never log a successful token body: it holds the tokens.
            JsonDocument? document = null;
            try
            {
                document = JsonDocument.Parse(body);
                if (document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty("access_token", out var token)
                    && token.ValueKind == JsonValueKind.String
                    && token.GetString() is { Length: > 0 })
                {
                    LinodeTelemetry.Count(EndpointName, "success");
                    var result = OAuthTokenResponse.Success(document);
                    document = null;
                    return result;
                }
            }
            catch (JsonException)
            {
            }
            finally
            {
                document?.Dispose();
            }

            LinodeLog.MalformedResponse(logger, EndpointName, (int)response.StatusCode, contentType);
            LinodeTelemetry.Count(EndpointName, "malformed");
            return OAuthTokenResponse.Failed(LinodeFailure.Create(
                $"Linode's token endpoint answered {(int)response.StatusCode} without a JSON object carrying an access_token.", "invalid_token_response"));
        }
    }

    /// <summary>Whether an exception is a back-channel failure to report (time-out, network), not the caller giving up.</summary>
    internal static bool IsBackchannelFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is HttpRequestException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private static OAuthTokenResponse Unreachable(ILogger logger, Exception exception, TimeSpan timeout)
    {
        var timedOut = exception is OperationCanceledException;
        var reason = timedOut ? $"no answer within the back-channel timeout of {timeout.TotalSeconds:0.###} s" : "the connection failed";
        LinodeLog.EndpointUnreachable(logger, EndpointName, reason);
        LinodeTelemetry.Count(EndpointName, timedOut ? "timeout" : "unreachable");
        return OAuthTokenResponse.Failed(LinodeFailure.Create(
            $"Linode's token endpoint could not be reached: {reason}.", timedOut ? "timeout" : "unreachable", inner: exception));
    }
}
