using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;

namespace Linode.AspNetCore.Authentication;

/// <summary>
/// Posts a token to Linode's revocation endpoint (<c>/oauth/revoke</c>, or the legacy <c>/oauth/token/expire</c>, which
/// gets no <c>token_type_hint</c>) through the same pipeline as the token and profile calls: the package's request
/// headers, error bodies read in both shapes and logged at Debug, a failure for every non-2xx, time-out or network error,
/// the call counted. Cancellation by the caller's token (the revocation timeout) is left to the caller.
/// </summary>
internal static class LinodeRevocationEndpoint
{
    public const string EndpointName = "revocation";

    /// <summary>The telemetry name of the operation.</summary>
    public const string OperationName = "revoke";

    /// <returns>Linode's status, and the failure unless Linode confirmed the revocation (its <c>Data</c> carries status and
    /// error code; no status when Linode was not reached).</returns>
    public static async Task<(int? Status, AuthenticationFailureException? Failure)> PostAsync(LinodeOptions options, string accessToken, LinodeOperation telemetry, ILogger logger, CancellationToken cancellationToken)
    {
        var legacy = options.RevocationEndpoint.EndsWith("/oauth/token/expire", StringComparison.OrdinalIgnoreCase);
        var form = new List<KeyValuePair<string, string>>(4) { new("token", accessToken) };
        if (!legacy)
        {
            form.Add(new("token_type_hint", "access_token"));
        }

        form.Add(new("client_id", options.ClientId));
        form.Add(new("client_secret", options.ClientSecret));
        using var request = LinodeBackchannelRequest.Form(options.RevocationEndpoint, form);
        try
        {
            using var response = await options.Backchannel.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                telemetry.Succeeded((int)response.StatusCode);
                return ((int)response.StatusCode, null);
            }

            var failure = await LinodeFailure.FromResponseAsync(EndpointName, response, options.TimeProvider, logger, cancellationToken).ConfigureAwait(false);
            telemetry.Failed(failure);
            return ((int)response.StatusCode, failure);
        }
        catch (Exception exception) when (LinodeConnectionFailure.IsBackchannelFailure(exception, cancellationToken))
        {
            var failure = LinodeConnectionFailure.Failure(EndpointName, exception, options.BackchannelTimeout, logger);
            telemetry.Failed(failure);
            return (null, failure);
        }
    }
}
