using Linode.AspNetCore.Authentication;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using WebSample.Models;

namespace WebSample.Controllers;

public sealed class AccountController : Controller
{
    /// <summary>The "Sign in with Linode" button: challenges Linode and comes back to a local URL only (the platform's
    /// rule, checked before the challenge; anything else comes back home).</summary>
    [HttpGet("/signin")]
    public IActionResult SignIn(string? returnUrl) =>
        Challenge(new AuthenticationProperties { RedirectUri = Url.IsLocalUrl(returnUrl) ? returnUrl : "/" }, LinodeDefaults.AuthenticationScheme);

    [Authorize]
    [HttpGet("/account")]
    public async Task<IActionResult> Index()
    {
        var expiresAt = await HttpContext.GetTokenAsync("expires_at");
        return View(AccountViewModel.From(User, expiresAt));
    }

    /// <summary>"Disconnect Linode": revokes the token at Linode (the explicit revocation API) and stays signed in to the
    /// app; calls to Linode then say to sign in again.</summary>
    [Authorize]
    [HttpPost("/account/disconnect")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Disconnect([FromServices] ILogger<AccountController> logger)
    {
        var result = await HttpContext.RevokeLinodeTokenAsync();
        logger.LinodeDisconnected(result.Outcome.ToString());
        return View("Disconnected", result.Succeeded);
    }

    /// <summary>Signs out of the cookie; the Linode handler revokes the token at Linode as part of it. The anti-forgery
    /// token is checked here rather than by the filter: it is bound to the signed-in user, and when the session ended on
    /// its own while this request was on its way (Linode refused the refresh; the package signed the user out and revoked
    /// then) it no longer matches. A sign-out of a user who is no longer signed in harms nobody, so it still ends whatever
    /// is left and says so; a forged sign-out of a signed-in user is refused (400).</summary>
    [HttpPost("/signout")]
    [IgnoreAntiforgeryToken]
    public async Task<IActionResult> SignOutOfLinode([FromServices] IAntiforgery antiforgery)
    {
        if (User.Identity?.IsAuthenticated == true && !await antiforgery.IsRequestValidAsync(HttpContext))
        {
            return BadRequest();
        }

        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        TempData[SignedOutKey] = true;
        return Redirect("/");
    }

    /// <summary>The TempData key that makes the home page say the user is signed out.</summary>
    public const string SignedOutKey = "SignedOut";
}
