using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LinodeApp.Pages.Account;

/// <summary>
/// Signs out on a POST only, whose anti-forgery token Razor Pages checks (a form of another site gets 400): the session
/// ends and the handler revokes the Linode token, so the app can no longer act for the user.
/// </summary>
public sealed class SignOutModel : PageModel
{
    /// <summary>Signs out and goes home.</summary>
    public IActionResult OnPost() =>
        SignOut(new AuthenticationProperties { RedirectUri = "/" }, CookieAuthenticationDefaults.AuthenticationScheme);
}
