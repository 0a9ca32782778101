using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Linode.AspNetCore.Authentication;

/// <summary>
/// Fetches <c>GET /v4/profile</c> with the new access token. Any non-2xx answer, a time-out, or a body that is not a
/// JSON object with a numeric (or non-empty string) <c>uid</c> throws an <see cref="Microsoft.AspNetCore.Authentication.AuthenticationFailureException"/>
/// carrying the status and Linode's reason (and <c>retry_after</c> on 429).
/// </summary>
internal static class LinodeProfileEndpoint
{
    public const string EndpointName = "profile";

    public static async Task<JsonDocument> GetAsync(LinodeOptions options, string accessToken, ILogger logger, CancellationToken cancellationToken)
    {
        using var telemetry = LinodeTelemetry.Start(options, EndpointName);
        using var request = LinodeBackchannelRequest.Get(options.UserInformationEndpoint, accessToken);
        try
        {
            using var response = await options.Backchannel.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var failure = await LinodeFailure.FromResponseAsync(EndpointName, response, options.TimeProvider, logger, cancellationToken).ConfigureAwait(false);
                telemetry.Failed(failure);
                throw failure;
            }

            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var document = await LinodeJsonBody.ReadObjectHavingAsync(stream, "uid", IsUserId, cancellationToken).ConfigureAwait(false);
            if (document is not null)
            {
                telemetry.Succeeded((int)response.StatusCode);
                return document;
            }

            LinodeLog.MalformedResponse(logger, EndpointName, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType);
            telemetry.Failed("malformed", (int)response.StatusCode, "malformed");
            throw LinodeFailure.Create($"Linode's profile endpoint answered {(int)response.StatusCode} without a JSON profile carrying a uid.", "invalid_profile_response");
        }
        catch (Exception exception) when (LinodeConnectionFailure.IsBackchannelFailure(exception, cancellationToken))
        {
            var failure = LinodeConnectionFailure.Failure(EndpointName, exception, options.BackchannelTimeout, logger);
            telemetry.Failed(failure);
            throw failure;
        }
    }

    /// <summary>Linode's <c>uid</c> is an integer; a non-empty string is accepted too. Anything else (an object, an array,
    /// null, a fraction) would become a junk name identifier, so the sign-in fails instead.</summary>
    private static bool IsUserId(JsonElement uid) =>
        (uid.ValueKind == JsonValueKind.Number && uid.TryGetInt64(out _))
        || (uid.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(uid.GetString()));
}
