using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace Linode.AspNetCore.Authentication;

/// <summary>
/// Succeeds a <see cref="LinodeScopeRequirement"/> when the user's scope claims cover it. Otherwise it leaves the
/// requirement pending rather than calling <c>Fail</c>: ASP.NET Core reports the failed requirements only for pending
/// ones, and the step-up result handler needs to know exactly which requirements failed. The scopes it finds missing are
/// recorded on the request for the access-denied redirect (<see cref="LinodeMissingScopes"/>). Registered by <c>AddLinode()</c>.
/// </summary>
internal sealed class LinodeScopeAuthorizationHandler : AuthorizationHandler<LinodeScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, LinodeScopeRequirement requirement)
    {
        var granted = LinodeStepUp.GrantedScopes(context.User);
        if (requirement.Scopes.All(granted.Covers))
        {
            context.Succeed(requirement);
        }
        else if (context.Resource is HttpContext httpContext)
        {
            LinodeMissingScopes.Record(httpContext, requirement.Scopes.Where(scope => !granted.Covers(scope)));
        }

        return Task.CompletedTask;
    }
}
