using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>
/// The default <see cref="ILinodeTokenRevoker"/>: revokes at <see cref="LinodeOptions.RevocationEndpoint"/>. Best effort
/// by design: bounded by <see cref="LinodeOptions.RevocationTimeout"/>, independent of the request's cancellation, never
/// throws for a Linode or network failure, logs the outcome and raises <see cref="LinodeEvents.OnTokenRevoked"/>.
/// </summary>
internal sealed class LinodeTokenRevoker : ILinodeTokenRevoker
{
    private readonly IOptionsMonitor<LinodeOptions> _options;
    private readonly IAuthenticationSchemeProvider _schemes;
    private readonly ILogger _logger;

    public LinodeTokenRevoker(IOptionsMonitor<LinodeOptions> options, IAuthenticationSchemeProvider schemes, ILogger<LinodeTokenRevoker> logger)
    {
        _options = options;
        _schemes = schemes;
        _logger = logger;
    }

    public async Task<LinodeTokenRevocationResult> RevokeAsync(HttpContext context, string scheme, string? accessToken, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrEmpty(scheme);
        var authenticationScheme = await GetLinodeSchemeAsync(scheme).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"'{scheme}' is not a Linode authentication scheme registered with AddLinode().");
        var options = _options.Get(scheme);

        LinodeTokenRevocationResult result;
        if (string.IsNullOrEmpty(accessToken))
        {
            LinodeLog.TokenRevocationSkipped(_logger, scheme, "no saved access token (is SaveTokens on?)");
            result = new LinodeTokenRevocationResult(scheme, LinodeTokenRevocationOutcome.Skipped, error: "no_token");
        }
        else
        {
            result = await SendAsync(scheme, options, accessToken, cancellationToken).ConfigureAwait(false);
        }

        await RaiseAsync(context, authenticationScheme, options, result).ConfigureAwait(false);
        return result;
    }

    private async Task<AuthenticationScheme?> GetLinodeSchemeAsync(string scheme)
    {
        var found = await _schemes.GetSchemeAsync(scheme).ConfigureAwait(false);
        return found is not null && typeof(LinodeHandler).IsAssignableFrom(found.HandlerType) ? found : null;
    }

    private async Task<LinodeTokenRevocationResult> SendAsync(string scheme, LinodeOptions options, string accessToken, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await LinodeRevocationEndpoint.PostAsync(options, accessToken, _logger, cancellationToken).ConfigureAwait(false);
            if (answer.TimedOut)
            {
                LinodeLog.TokenRevocationTimedOut(_logger, scheme, options.RevocationTimeout);
                return new LinodeTokenRevocationResult(scheme, LinodeTokenRevocationOutcome.TimedOut, error: "timeout");
            }

            if (answer.Failure is not { } failure)
            {
                LinodeLog.TokenRevoked(_logger, scheme, answer.Status!.Value);
                return new LinodeTokenRevocationResult(scheme, LinodeTokenRevocationOutcome.Revoked, answer.Status);
            }

            // Code-shaped only, the rule every result follows: computed once for the log line and the result.
            var code = failure.SafeErrorCode;
            if (answer.Status is not { } status)
            {
                LinodeLog.TokenRevocationError(_logger, scheme, code ?? "unreachable");
                return new LinodeTokenRevocationResult(scheme, LinodeTokenRevocationOutcome.Failed, error: code ?? "unreachable");
            }

            LinodeLog.TokenRevocationFailed(_logger, scheme, status, code ?? "none");
            return new LinodeTokenRevocationResult(scheme, LinodeTokenRevocationOutcome.Failed, status, code);
        }
        catch (OperationCanceledException)
        {
            // The caller gave up: the operation, disposed unfinished, records itself as "cancelled".
            LinodeLog.TokenRevocationError(_logger, scheme, "cancelled");
            return new LinodeTokenRevocationResult(scheme, LinodeTokenRevocationOutcome.Failed, error: "cancelled");
        }
    }

    private async Task RaiseAsync(HttpContext context, AuthenticationScheme scheme, LinodeOptions options, LinodeTokenRevocationResult result)
    {
        try
        {
            await LinodeEventsResolver.Resolve(context, options).TokenRevoked(new LinodeTokenRevokedContext(context, scheme, options, result)).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // An app's event handler must not break the sign-out.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LinodeLog.TokenRevokedHandlerFailed(_logger, scheme.Name, exception);
        }
    }
}
