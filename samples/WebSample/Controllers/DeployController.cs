using Linode.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using WebSample.Deploy;
using WebSample.Models;
using WebSample.Services;

namespace WebSample.Controllers;

/// <summary>
/// "Install on Linode": a visitor picks a plan, a region and an image for the app author's public StackScript, signs in
/// with Linode granting <c>linodes:read_write</c>, and the app creates the Linode on the visitor's account.
/// </summary>
public sealed class DeployController(LinodeCatalogClient catalog, LinodeInstancesClient instances, DeployChoicesCookie choicesCookie, IConfiguration configuration, ILogger<DeployController> logger) : Controller
{
    /// <summary>The tag on every Linode this sample creates; only those can be deleted from it.</summary>
    public const string Tag = "install-on-linode";

    private long StackScriptId => configuration.GetValue("Deploy:StackScriptId", 1000001L);

    /// <summary>The public deploy page: no sign-in needed; Linode's catalogue is public.</summary>
    [HttpGet("/deploy")]
    public async Task<IActionResult> Index(bool expired, CancellationToken cancellationToken)
    {
        var model = await FormAsync(new DeployChoices(), [], cancellationToken);
        if (expired && model.Problem is null)
        {
            model = model with { Problem = "Your choices expired before you came back from Linode; please pick them again." };
        }

        return FormView(model);
    }

    /// <summary>Keeps the choices for the round trip through Linode and asks for write access to Linodes (step-up for a
    /// user who signed in with less); a user who has it goes straight on.</summary>
    [HttpPost("/deploy")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Submit(DeployChoices choices, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || !choices.FieldsWithinLimits())
        {
            var errors = ModelState.Where(entry => entry.Value?.Errors.Count > 0)
                .Select(entry => new LinodeFieldError(FormFieldOf(entry.Key), "Please choose a value (at most 64 characters)."))
                .DefaultIfEmpty(new LinodeFieldError(null, "Too many or too long StackScript fields.")).ToList();
            return FormView(await FormAsync(choices, errors, cancellationToken), StatusCodes.Status400BadRequest);
        }

        choicesCookie.Write(Response, choices);
        if (CanCreateLinodes())
        {
            return Redirect("/deploy/create");
        }

        await HttpContext.ChallengeForScopesAsync([LinodeScopes.Linodes.ReadWrite], "/deploy/create");
        return new EmptyResult();
    }

    /// <summary>Back from Linode: checks that write access was really granted, then creates the Linode.</summary>
    [Authorize]
    [HttpGet("/deploy/create")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken)
    {
        if (choicesCookie.Take(HttpContext) is not { } choices)
        {
            return Redirect("/deploy?expired=true");
        }

        if (!CanCreateLinodes())
        {
            // Declined or unticked on Linode's consent page: the scope is checked, not assumed.
            return ProblemView("Write access was not granted", new LinodeApiProblem(StatusCodes.Status403Forbidden,
                "Creating a Linode needs write access to your Linodes (linodes:read_write), and Linode's consent did not include it. Nothing was created."), "/deploy");
        }

        var request = new CreateLinodeRequest(choices.Plan, choices.Region, choices.Image, choices.Label, RootPassword.Generate(), StackScriptId,
            choices.Udf.Where(pair => !string.IsNullOrEmpty(pair.Value)).ToDictionary(StringComparer.Ordinal), [Tag]);
        try
        {
            var result = await instances.CreateAsync(request, cancellationToken);
            if (result.Created is not { } created)
            {
                return FormView(await FormAsync(choices, result.Errors, cancellationToken), StatusCodes.Status400BadRequest);
            }

            logger.LinodeCreated(created.Id, created.Region, created.Type);
            Response.Headers.CacheControl = "no-store";
            return View("Created", new DeployCreatedViewModel(created, request.RootPass));
        }
        catch (Exception exception) when (LinodeApiProblem.From(exception, "creating Linodes", HttpContext.RequestAborted) is { } problem)
        {
            logger.LinodeApiFailed("create", exception.GetType().Name);
            return ProblemView("The Linode was not created", problem, "/deploy");
        }
    }

    /// <summary>The new Linode's status, for the page that follows it from provisioning to running.</summary>
    [Authorize]
    [HttpGet("/deploy/status/{id:long}")]
    public async Task<IActionResult> Status(long id, CancellationToken cancellationToken)
    {
        try
        {
            var instance = await instances.GetAsync(id, cancellationToken);
            return Json(new { status = instance.Status, ipv4 = instance.Ipv4 });
        }
        catch (HttpRequestException exception) when (exception.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return Json(new { status = "deleted" });
        }
        catch (Exception exception) when (LinodeApiProblem.From(exception, "reading Linodes", HttpContext.RequestAborted) is { } problem)
        {
            return Json(new { problem = problem.Message, signInAgain = problem.SignInAgain });
        }
    }

    /// <summary>The Linode field a form input stands for (the form says "Plan" where Linode says "type").</summary>
    private static string FormFieldOf(string input) => string.Equals(input, nameof(DeployChoices.Plan), StringComparison.OrdinalIgnoreCase) ? "type" : input.ToLowerInvariant();

    private bool CanCreateLinodes() =>
        User.Identity?.IsAuthenticated == true && LinodeScopes.Parse(User.FindAll(LinodeClaimTypes.Scope).Select(claim => claim.Value)).Covers(LinodeScopes.Linodes.ReadWrite);

    private async Task<DeployFormViewModel> FormAsync(DeployChoices choices, IReadOnlyList<LinodeFieldError> errors, CancellationToken cancellationToken)
    {
        try
        {
            var plans = catalog.PlansAsync(cancellationToken);
            var regions = catalog.RegionsAsync(cancellationToken);
            var script = await catalog.StackScriptAsync(StackScriptId, cancellationToken);
            var model = new DeployFormViewModel(await plans, await regions, script, choices, errors, null);
            return script is null
                ? model with { Problem = $"The StackScript this app deploys (id {StackScriptId}) was not found on Linode, or it is not public. The app's author has to publish it." }
                : model;
        }
        catch (Exception exception) when (LinodeApiProblem.From(exception, "reading Linode's catalogue", HttpContext.RequestAborted) is { } problem)
        {
            logger.LinodeApiFailed("catalogue", exception.GetType().Name);
            return new DeployFormViewModel([], [], null, choices, errors, problem.Message);
        }
    }

    private ViewResult FormView(DeployFormViewModel model, int status = StatusCodes.Status200OK)
    {
        Response.StatusCode = status;
        return View("Index", model);
    }

    private ViewResult ProblemView(string title, LinodeApiProblem problem, string? retryUrl)
    {
        Response.StatusCode = problem.StatusCode;
        return View("Problem", new ProblemViewModel(title, problem, retryUrl));
    }
}
