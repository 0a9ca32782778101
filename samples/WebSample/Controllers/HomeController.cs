using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using WebSample.Models;

namespace WebSample.Controllers;

public sealed class HomeController : Controller
{
    private readonly Uri? _emulatorAddress;

    /// <summary>The embedded emulator, or one started elsewhere (the linode-emulator tool, the Aspire app host): any sign-in
    /// endpoint that is not Linode's.</summary>
    public HomeController(IServiceProvider services, Microsoft.Extensions.Options.IOptionsMonitor<Linode.AspNetCore.Authentication.LinodeOptions> linode)
    {
        var authorize = new Uri(linode.Get(Linode.AspNetCore.Authentication.LinodeDefaults.AuthenticationScheme).AuthorizationEndpoint);
        _emulatorAddress = services.GetService<EmbeddedLinodeEmulator>()?.Server.BaseAddress
            ?? (authorize.Host == "login.linode.com" ? null : new Uri(authorize.GetLeftPart(UriPartial.Authority) + "/"));
    }

    [HttpGet("/")]
    public IActionResult Index() => View(new HomeViewModel(_emulatorAddress));

    /// <summary>Declined on Linode's consent page. A step-up for a deployment continues on the deploy page that says what
    /// happened to it; any other sign-in says that no (new) access was given.</summary>
    [HttpGet("/signin-denied")]
    public IActionResult SignInDenied([FromQuery(Name = "ReturnUrl")] string? returnUrl) =>
        string.Equals(returnUrl, "/deploy/confirm", StringComparison.Ordinal) ? Redirect("/deploy/declined") : View();

    [HttpGet("/signin-failed")]
    public IActionResult SignInFailed(string? reason)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(model: reason is { Length: <= 64 } ? reason : null);
    }

    [HttpGet("/forbidden")]
    public IActionResult Forbidden([FromQuery(Name = "missing_scopes")] string? missingScopes)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var scopes = Linode.AspNetCore.Authentication.LinodeScopes.Parse(missingScopes).Select(scope => scope.Value).ToList();
        return View(scopes);
    }

    // No method constraint: status-code pages re-execute the original method (a failed POST lands here too).
    [Route("/error")]
    public IActionResult Error(int? status) =>
        View(new ErrorViewModel(status ?? StatusCodes.Status500InternalServerError, Activity.Current?.Id ?? HttpContext.TraceIdentifier));
}
