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
    private readonly ILogger<LinodesController> _logger;

    public LinodesController(LinodeInstancesClient client, ILogger<LinodesController> logger)
    {
        _client = client;
        _logger = logger;
    }

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
        catch (LinodeInvalidTokenException)
        {
            // Revoked (at Linode, or by signing out elsewhere) or expired without a refresh: only a new sign-in helps.
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return View(new LinodesViewModel([], "Linode no longer accepts this app's access to your account (it was revoked or has expired). Sign out and sign in again.", SignInAgain: true));
        }
        catch (Exception exception) when (exception is HttpRequestException or System.Text.Json.JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // Linode's API answered 5xx, an HTML page, malformed JSON, or not at all: nothing the user can fix but waiting.
            _logger.LinodeApiUnavailable(exception.GetType().Name);
            return View(new LinodesViewModel([], "Linode's API could not be reached or gave an answer this app could not read. Try again in a minute."));
        }
    }

    /// <summary>Needs write access. A user who granted only read access is sent back to Linode to add it (step-up)
    /// and returns here; one who declines again lands on the forbidden page, which names the scope.</summary>
    [HttpGet("/linodes/create")]
    [LinodeScope(LinodeScopes.Linodes.ReadWrite, StepUp = true)]
    public IActionResult Create() => View();
}
