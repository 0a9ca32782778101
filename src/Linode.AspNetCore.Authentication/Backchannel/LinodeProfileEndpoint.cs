using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>
/// Fetches <c>GET /v4/profile</c> with the new access token. Any non-2xx answer, a time-out, or a body that is not a
/// JSON object with a numeric (or non-empty string) <c>uid</c> throws a <see cref="LinodeAuthenticationFailureException"/>
/// carrying the status and Linode's reason (and the retry-after of a 429).
/// </summary>
internal static class LinodeProfileEndpoint
{
    public const string EndpointName = "profile";

    private static readonly LinodeBackchannelCall<JsonDocument> Call = new(EndpointName, EndpointName, ReadAsync, "invalid_profile_response",
        status => $"Linode's profile endpoint answered {status} without a JSON profile carrying a uid.");

    public static async Task<JsonDocument> GetAsync(LinodeOptions options, string accessToken, ILogger logger, CancellationToken cancellationToken)
    {
        var answer = await LinodeBackchannel.SendAsync(options, LinodeBackchannelRequest.Get(options.UserInformationEndpoint, accessToken), Call, logger, cancellationToken).ConfigureAwait(false);
        return answer.Value ?? throw answer.Failure!;
    }

    [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<JsonDocument?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        await LinodeJsonBody.ReadObjectHavingAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), "uid", IsUserId, cancellationToken).ConfigureAwait(false);

    /// <summary>Linode's <c>uid</c> is an integer; a non-empty string is accepted too. Anything else (an object, an array,
    /// null, a fraction) would become a junk name identifier, so the sign-in fails instead.</summary>
    private static bool IsUserId(JsonElement uid) =>
        (uid.ValueKind == JsonValueKind.Number && uid.TryGetInt64(out _))
        || (uid.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(uid.GetString()));
}
