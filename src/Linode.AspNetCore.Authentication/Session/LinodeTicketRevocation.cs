using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>Revokes the access token saved in a ticket that a Linode scheme issued, through <see cref="ILinodeTokenRevoker"/>;
/// on sign-out only when that scheme has <see cref="LinodeOptions.RevokeTokenOnSignOut"/> on.</summary>
internal sealed class LinodeTicketRevocation
{
    private readonly LinodeSchemeNames _schemes;
    private readonly IOptionsMonitor<LinodeOptions> _options;
    private readonly ILinodeTokenRevoker _revoker;
    private readonly ILogger _logger;

    public LinodeTicketRevocation(LinodeSchemeNames schemes, IOptionsMonitor<LinodeOptions> options, ILinodeTokenRevoker revoker, ILogger<LinodeTicketRevocation> logger)
    {
        _schemes = schemes;
        _options = options;
        _revoker = revoker;
        _logger = logger;
    }

    /// <returns>The outcome, or null when the ticket did not come from a Linode scheme or, on sign-out, when its scheme has
    /// <see cref="LinodeOptions.RevokeTokenOnSignOut"/> off (sign-out has no one to tell the outcome).</returns>
    public async Task<LinodeTokenRevocationResult?> RevokeTicketAsync(HttpContext context, AuthenticationProperties properties, bool onSignOut)
    {
        if (_schemes.SchemeOf(properties) is not { } scheme)
        {
            return null;
        }

        if (onSignOut && !_options.Get(scheme).RevokeTokenOnSignOut)
        {
            LinodeLog.TokenRevocationSkipped(_logger, scheme, "RevokeTokenOnSignOut is off");
            return null;
        }

        // Not RequestAborted: a browser that goes away must not leave the token alive.
        return await _revoker.RevokeAsync(context, scheme, LinodeSavedTokens.AccessToken(properties), CancellationToken.None).ConfigureAwait(false);
    }
}
