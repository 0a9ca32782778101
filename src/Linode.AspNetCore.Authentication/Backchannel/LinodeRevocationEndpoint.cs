using Microsoft.Extensions.Logging;

namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>
/// Posts a token to Linode's revocation endpoint (<c>/oauth/revoke</c>, or the legacy <c>/oauth/token/expire</c>, which
/// gets no <c>token_type_hint</c>) through the package's one back-channel sender: any 2xx is success (the body is not
/// read), anything else a failure, and the revocation timeout is the call's own deadline.
/// </summary>
internal static class LinodeRevocationEndpoint
{
    public const string EndpointName = "revocation";

    /// <summary>The telemetry name of the operation.</summary>
    public const string OperationName = "revoke";

    private static readonly LinodeBackchannelCall<object> Call = new(EndpointName, OperationName, Read: null, "invalid_revocation_response",
        status => $"Linode's revocation endpoint answered {status}.");

    public static ValueTask<LinodeBackchannelAnswer<object>> PostAsync(LinodeOptions options, string accessToken, ILogger logger, CancellationToken cancellationToken)
    {
        var legacy = options.RevocationEndpoint.EndsWith("/oauth/token/expire", StringComparison.OrdinalIgnoreCase);
        var form = new List<KeyValuePair<string, string>>(4) { new("token", accessToken) };
        if (!legacy)
        {
            form.Add(new("token_type_hint", "access_token"));
        }

        form.Add(new("client_id", options.ClientId));
        form.Add(new("client_secret", options.ClientSecret));
        return LinodeBackchannel.SendAsync(options, LinodeBackchannelRequest.Form(options.RevocationEndpoint, form), Call, logger, cancellationToken, options.RevocationTimeout);
    }
}
