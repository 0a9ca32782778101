using Linode.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LinodeApp.Pages.Account;

/// <summary>Sends the user to Linode's consent page, and back to a page of this app only (the platform's rule for return
/// URLs: another site's address becomes the home page).</summary>
public sealed class SignInModel : PageModel
{
    /// <summary>Challenges Linode.</summary>
    public IActionResult OnGet(string? returnUrl) =>
        Challenge(new AuthenticationProperties { RedirectUri = Url.IsLocalUrl(returnUrl) ? returnUrl : "/" }, LinodeDefaults.AuthenticationScheme);
}
