using Linode.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication;

namespace WebSample;

/// <summary>Sends any failed Linode sign-in (forged state, Linode errors) to a friendly page with a short, safe reason code.</summary>
public static class SignInFailurePage
{
    public static Task RedirectAsync(RemoteFailureContext context)
    {
        var reason = LinodeAuthenticationFailureException.SafeErrorCodeOf(context.Failure) ?? "sign_in_failed";
        context.Response.Redirect("/signin-failed?reason=" + Uri.EscapeDataString(reason));
        context.HandleResponse();
        return Task.CompletedTask;
    }
}
