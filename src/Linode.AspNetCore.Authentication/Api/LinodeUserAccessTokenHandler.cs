using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>
/// Attaches the signed-in user's current Linode access token (refreshed first when automatic refresh is on and it is due)
/// as <c>Authorization: Bearer</c>, and turns Linode's 401 and 429 answers into <see cref="LinodeMissingScopeException"/>,
/// <see cref="LinodeInvalidTokenException"/> and <see cref="LinodeRateLimitedException"/>.
/// Added with <c>AddLinodeUserAccessToken()</c>; acts for the current Blazor circuit's user, or the current request's, on
/// every call.
/// </summary>
internal sealed class LinodeUserAccessTokenHandler : DelegatingHandler
{
    private const string NotAuthorizedReason = "Your OAuth token is not authorized to use this endpoint.";
    private const string InvalidTokenReason = "Invalid Token";
    private readonly IHttpContextAccessor _accessor;
    private readonly IOptionsMonitor<LinodeApiClientOptions> _options;
    private readonly string _clientName;

    public LinodeUserAccessTokenHandler(IHttpContextAccessor accessor, IOptionsMonitor<LinodeApiClientOptions> options, string clientName)
    {
        _accessor = accessor;
        _options = options;
        _clientName = clientName;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The circuit this call runs in, if any (an interactive Blazor component): it acts for the circuit's user.
        var circuit = LinodeCircuitServices.Services;
        var circuitUser = circuit?.GetService<AuthenticationStateProvider>();
        var circuitToken = circuitUser is null ? null : circuit!.GetRequiredService<LinodeCircuitToken>();
        var token = circuitToken is null
            ? await RequestTokenAsync().ConfigureAwait(false)
            : await circuitToken.GetAsync((await circuitUser!.GetAuthenticationStateAsync().ConfigureAwait(false)).User, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.TooManyRequests))
        {
            return response;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var reason = LinodeErrorBody.Parse(body).Description;
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                throw new LinodeRateLimitedException(LinodeRetryAfter.Read(response, TimeProvider.System), reason);
            }

            // Linode sends the scope headers on every answer, so the reason text decides; without one, a token that Linode
            // recognised (X-OAuth-Scopes present) and that does not cover what the endpoint accepts lacks a scope.
            var accepted = LinodeScopes.Parse(Header(response, "X-Accepted-OAuth-Scopes"));
            var granted = Header(response, "X-OAuth-Scopes");
            if (string.Equals(reason, NotAuthorizedReason, StringComparison.Ordinal)
                || (reason is null && granted is not null && accepted.Count > 0 && !accepted.Any(LinodeScopes.Parse(granted).Covers)))
            {
                throw new LinodeMissingScopeException(accepted, LinodeScopes.Parse(granted), reason);
            }

            // A circuit that holds a token Linode no longer knows (revoked in Cloud Manager, or by another app instance)
            // ends its session, so the circuit's user, its other tabs and its requests all end with it.
            if (string.Equals(reason, InvalidTokenReason, StringComparison.Ordinal) && circuitToken is not null)
            {
                await circuitToken.EndSessionAsync(cancellationToken).ConfigureAwait(false);
            }

            throw new LinodeInvalidTokenException($"Linode refused the access token: {reason ?? "401 Unauthorized"}.", reason);
        }
    }

    /// <summary>The token of the current request's user (outside a circuit).</summary>
    private async Task<string> RequestTokenAsync()
    {
        var context = _accessor.HttpContext
            ?? throw new InvalidOperationException("A Linode user-token HttpClient was used outside an HTTP request and outside a Blazor circuit; there is no signed-in user to act for. Code without either (a hosted service) asks LinodeUserTokens for the token of a user it kept.");
        return await context.GetLinodeAccessTokenAsync(_options.Get(_clientName).SignInScheme).ConfigureAwait(false)
            ?? throw new LinodeInvalidTokenException("No user signed in with Linode (or no saved access token: is SaveTokens on?).", null);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(' ', values) : null;
}
