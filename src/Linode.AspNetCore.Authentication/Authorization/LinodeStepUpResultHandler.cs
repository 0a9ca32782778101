using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>
/// Turns a forbidden result whose only failed requirements are step-up <see cref="LinodeScopeRequirement"/>s into a
/// challenge to Linode for the missing scopes, when the user signed in with Linode and no earlier step-up already asked
/// for them. Any other forbidden result with failed Linode scope requirements is forbidden on the scheme holding the
/// user's ticket with the missing scopes in the properties (the cookie's access-denied redirect then carries them as
/// <c>missing_scopes</c>). Everything else goes to the framework's handler.
/// </summary>
internal sealed class LinodeStepUpResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();
    private readonly LinodeSchemeNames _schemes;
    private readonly IAuthenticationSchemeProvider _schemeProvider;
    private readonly IOptions<AuthenticationOptions> _authentication;

    public LinodeStepUpResultHandler(LinodeSchemeNames schemes, IAuthenticationSchemeProvider schemeProvider, IOptions<AuthenticationOptions> authentication)
    {
        _schemes = schemes;
        _schemeProvider = schemeProvider;
        _authentication = authentication;
    }

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        // Only a forbidden result carries a failure: challenges and successes have none.
        var failed = authorizeResult.AuthorizationFailure?.FailedRequirements.ToList() ?? [];
        var scopeRequirements = failed.OfType<LinodeScopeRequirement>().ToList();
        if (scopeRequirements.Count == 0)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
            return;
        }

        var granted = LinodeStepUp.GrantedScopes(context.User);
        var missing = LinodeScopes.Build(scopeRequirements.SelectMany(requirement => requirement.Scopes).Where(scope => !granted.Covers(scope)));
        var stepUp = scopeRequirements.Count == failed.Count && scopeRequirements.All(requirement => requirement.StepUp);
        var ticket = await context.AuthenticateAsync().ConfigureAwait(false);
        var linodeScheme = ticket.Properties is { } properties ? _schemes.SchemeOf(properties) : null;
        var alreadyAsked = ticket.Properties?.Items.TryGetValue(LinodeStepUp.RequestedScopesKey, out var asked) == true
            && missing.All(LinodeScopes.Parse(asked).Covers);

        if (stepUp && linodeScheme is not null && !alreadyAsked)
        {
            await context.ChallengeAsync(linodeScheme, LinodeStepUp.Properties(context, missing, returnUrl: null)).ConfigureAwait(false);
            return;
        }

        // Forbid where the ticket lives: a bare ForbidAsync() falls back to the default challenge scheme (often Linode),
        // whose remote handler forwards to the cookie without these properties.
        var forbid = new AuthenticationProperties();
        forbid.Items[LinodeStepUp.MissingScopesKey] = missing.ToString(",");
        foreach (var scheme in await ForbidSchemesAsync(policy).ConfigureAwait(false))
        {
            await context.ForbidAsync(scheme, forbid).ConfigureAwait(false);
        }
    }

    private async Task<IReadOnlyList<string?>> ForbidSchemesAsync(AuthorizationPolicy policy)
    {
        if (policy.AuthenticationSchemes.Count > 0)
        {
            return [.. policy.AuthenticationSchemes];
        }

        var configured = _authentication.Value.DefaultForbidScheme;
        return [configured ?? (await _schemeProvider.GetDefaultAuthenticateSchemeAsync().ConfigureAwait(false))?.Name];
    }
}
