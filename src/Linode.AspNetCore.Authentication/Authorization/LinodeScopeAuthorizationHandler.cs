using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>
/// Succeeds a <see cref="LinodeScopeRequirement"/> when the user's scope claims cover it (checked without allocating,
/// <see cref="LinodeScopeClaims"/>: this runs on every authorized request). Otherwise it leaves the
/// requirement pending rather than calling <c>Fail</c>: ASP.NET Core reports the failed requirements only for pending
/// ones, and the step-up result handler needs to know exactly which requirements failed. The scopes it finds missing are
/// recorded on the request for the access-denied redirect (<see cref="LinodeMissingScopes"/>). Registered by <c>AddLinode()</c>.
/// </summary>
internal sealed class LinodeScopeAuthorizationHandler : AuthorizationHandler<LinodeScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, LinodeScopeRequirement requirement)
    {
        if (LinodeScopeClaims.CoverAll(context.User, requirement.Scopes))
        {
            context.Succeed(requirement);
        }
        else if (context.Resource is HttpContext httpContext)
        {
            var granted = LinodeStepUp.GrantedScopes(context.User);
            LinodeMissingScopes.Record(httpContext, requirement.Scopes.Where(scope => !granted.Covers(scope)));
        }

        return Task.CompletedTask;
    }
}
