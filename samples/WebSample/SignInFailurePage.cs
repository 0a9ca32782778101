using Microsoft.AspNetCore.Authentication;

namespace WebSample;

/// <summary>Sends any failed Linode sign-in (forged state, Linode errors) to a friendly page with a short, safe reason code.</summary>
public static class SignInFailurePage
{
    public static Task RedirectAsync(RemoteFailureContext context)
    {
        var error = context.Failure?.Data["error"] as string;
        var reason = error is { Length: > 0 and <= 64 } && error.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')
            ? error
            : "sign_in_failed";
        context.Response.Redirect("/signin-failed?reason=" + Uri.EscapeDataString(reason));
        context.HandleResponse();
        return Task.CompletedTask;
    }
}
