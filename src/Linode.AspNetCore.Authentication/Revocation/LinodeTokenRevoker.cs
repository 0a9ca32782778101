using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Linode.AspNetCore.Authentication;

/// <summary>
/// The default <see cref="ILinodeTokenRevoker"/>: revokes at <see cref="LinodeOptions.RevocationEndpoint"/>. Best effort
/// by design: bounded by <see cref="LinodeOptions.RevocationTimeout"/>, independent of the request's cancellation, never
/// throws for a Linode or network failure, logs the outcome and raises <see cref="LinodeEvents.OnTokenRevoked"/>.
/// </summary>
internal sealed class LinodeTokenRevoker : ILinodeTokenRevoker
{
    private const string EndpointName = "revocation";
    private readonly IOptionsMonitor<LinodeOptions> _options;
    private readonly IAuthenticationSchemeProvider _schemes;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    public LinodeTokenRevoker(IOptionsMonitor<LinodeOptions> options, IAuthenticationSchemeProvider schemes, ILogger<LinodeTokenRevoker> logger, TimeProvider time)
    {
        _options = options;
        _schemes = schemes;
        _logger = logger;
        _time = time;
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
        using var activity = LinodeTelemetry.ActivitySource.StartActivity("Linode token revocation");
        var legacy = options.RevocationEndpoint.EndsWith("/oauth/token/expire", StringComparison.OrdinalIgnoreCase);
        var form = new List<KeyValuePair<string, string>>(4) { new("token", accessToken) };
        if (!legacy)
        {
            form.Add(new("token_type_hint", "access_token"));
        }

        form.Add(new("client_id", options.ClientId));
        form.Add(new("client_secret", options.ClientSecret));

        using var timeout = new CancellationTokenSource(options.RevocationTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        using var request = LinodeBackchannelRequest.Form(options.RevocationEndpoint, form);
        try
        {
            using var response = await options.Backchannel.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                LinodeLog.TokenRevoked(_logger, scheme, status);
                LinodeTelemetry.Count(EndpointName, "success");
                return new LinodeTokenRevocationResult(scheme, LinodeTokenRevocationOutcome.Revoked, status);
            }

            var body = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
            var error = LinodeErrorBody.Parse(body);
            LinodeLog.TokenRevocationFailed(_logger, scheme, status, LinodeFailure.CodeOrNull(error.Code) ?? "none");
            LinodeLog.LogErrorBody(_logger, EndpointName, body);
            LinodeTelemetry.Count(EndpointName, "error");
            return new LinodeTokenRevocationResult(scheme, LinodeTokenRevocationOutcome.Failed, status, LinodeFailure.CodeOrNull(error.Code));
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            LinodeLog.TokenRevocationTimedOut(_logger, scheme, options.RevocationTimeout);
            LinodeTelemetry.Count(EndpointName, "timeout");
            return new LinodeTokenRevocationResult(scheme, LinodeTokenRevocationOutcome.TimedOut, error: "timeout");
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
        {
            var reason = exception is OperationCanceledException ? "cancelled" : "unreachable";
            LinodeLog.TokenRevocationError(_logger, scheme, reason);
            LinodeTelemetry.Count(EndpointName, reason);
            return new LinodeTokenRevocationResult(scheme, LinodeTokenRevocationOutcome.Failed, error: reason);
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
