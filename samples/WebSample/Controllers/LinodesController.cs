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
    public async Task<IActionResult> Index(string? deleted, CancellationToken cancellationToken)
    {
        try
        {
            return View(new LinodesViewModel(await _client.ListAsync(cancellationToken), null) { Deleted = deleted is { Length: <= 64 } ? deleted : null });
        }
        catch (Exception exception) when (LinodeApiProblem.From(exception, "listing Linodes", HttpContext.RequestAborted) is { } problem)
        {
            _logger.LinodeApiUnavailable(exception.GetType().Name);
            Response.StatusCode = problem.StatusCode;
            return View(new LinodesViewModel([], problem.Message, problem.SignInAgain));
        }
    }

    /// <summary>Needs write access. A user who granted only read access is sent back to Linode to add it (step-up)
    /// and returns here; one who declines again lands on the forbidden page, which names the scope.</summary>
    [HttpGet("/linodes/create")]
    [LinodeScope(LinodeScopes.Linodes.ReadWrite, StepUp = true)]
    public IActionResult Create() => Redirect("/deploy");

    /// <summary>Asks to confirm deleting a Linode this sample created (tagged <see cref="DeployController.Tag"/>).</summary>
    [HttpGet("/linodes/{id:long}/delete")]
    [LinodeScope(LinodeScopes.Linodes.ReadWrite, StepUp = true)]
    public async Task<IActionResult> ConfirmDelete(long id, CancellationToken cancellationToken)
    {
        try
        {
            var instance = await _client.GetAsync(id, cancellationToken);
            return instance.Tags.Contains(DeployController.Tag)
                ? View(instance)
                : ProblemView(new LinodeApiProblem(StatusCodes.Status403Forbidden, $"This sample only deletes Linodes it created (tagged {DeployController.Tag}); delete {instance.Label} in Linode's Cloud Manager."));
        }
        catch (HttpRequestException exception) when (exception.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return ProblemView(new LinodeApiProblem(StatusCodes.Status404NotFound, "That Linode no longer exists on your account."));
        }
        catch (Exception exception) when (LinodeApiProblem.From(exception, "reading Linodes", HttpContext.RequestAborted) is { } problem)
        {
            _logger.LinodeApiFailed("read", exception.GetType().Name);
            return ProblemView(problem);
        }
    }

    /// <summary>Deletes it (the confirmation form's anti-forgery-checked POST).</summary>
    [HttpPost("/linodes/{id:long}/delete")]
    [ValidateAntiForgeryToken]
    [LinodeScope(LinodeScopes.Linodes.ReadWrite)]
    public async Task<IActionResult> Delete(long id, CancellationToken cancellationToken)
    {
        try
        {
            var instance = await _client.GetAsync(id, cancellationToken);
            if (!instance.Tags.Contains(DeployController.Tag))
            {
                return ProblemView(new LinodeApiProblem(StatusCodes.Status403Forbidden, $"This sample only deletes Linodes it created (tagged {DeployController.Tag})."));
            }

            await _client.DeleteAsync(id, cancellationToken);
            _logger.LinodeDeleted(id);
            return Redirect("/linodes?deleted=" + Uri.EscapeDataString(instance.Label));
        }
        catch (HttpRequestException exception) when (exception.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return Redirect("/linodes");
        }
        catch (Exception exception) when (LinodeApiProblem.From(exception, "deleting Linodes", HttpContext.RequestAborted) is { } problem)
        {
            _logger.LinodeApiFailed("delete", exception.GetType().Name);
            return ProblemView(problem);
        }
    }

    private ViewResult ProblemView(LinodeApiProblem problem)
    {
        Response.StatusCode = problem.StatusCode;
        return View("Problem", new ProblemViewModel("The Linode was not deleted", problem, "/linodes"));
    }
}
