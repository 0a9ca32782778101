using Linode.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using WebSample.Models;
using WebSample.Services;

namespace WebSample.Controllers;

[Authorize]
public sealed class LinodesController : Controller
{
    private readonly LinodeInstancesClient _client;

    public LinodesController(LinodeInstancesClient client) => _client = client;

    /// <summary>The user's Linode instances, called with their own (automatically refreshed) token.</summary>
    [HttpGet("/linodes")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        try
        {
            return View(new LinodesViewModel(await _client.ListAsync(cancellationToken), null));
        }
        catch (LinodeMissingScopeException exception)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            var needed = exception.RequiredScopes.Count > 0 ? exception.RequiredScopes.ToString(", ") : "a scope Linode did not name";
            return View(new LinodesViewModel([], $"Your Linode sign-in does not allow listing Linodes: it needs {needed}. Sign out and sign in again, ticking that scope on Linode's consent page."));
        }
        catch (LinodeRateLimitedException exception)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return View(new LinodesViewModel([], $"Linode is rate-limiting this app; try again in {(int)(exception.RetryAfter?.TotalSeconds ?? 30)} seconds."));
        }
    }

    /// <summary>Needs write access. A user who granted only read access is sent back to Linode to add it (step-up)
    /// and returns here; one who declines again lands on the forbidden page, which names the scope.</summary>
    [HttpGet("/linodes/create")]
    [LinodeScope(LinodeScopes.Linodes.ReadWrite, StepUp = true)]
    public IActionResult Create() => View();
}
