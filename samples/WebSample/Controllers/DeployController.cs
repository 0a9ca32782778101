using Linode.AspNetCore.Authentication;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using WebSample.Deploy;
using WebSample.Models;
using WebSample.Services;

namespace WebSample.Controllers;

/// <summary>
/// "Install on Linode": a visitor picks a plan, a region and an image for the app author's public StackScript, signs in
/// with Linode granting <c>linodes:read_write</c>, confirms on this app's page, and the app creates the Linode on the
/// visitor's account: once per confirmation, never on a GET. Once the Linode runs (10 minutes at the latest) the app
/// gives the access back (<see cref="DeployAccessRelease"/>).
/// </summary>
public sealed class DeployController(
    LinodeCatalogClient catalog,
    LinodeInstancesClient instances,
    DeployChoicesCookie choicesCookie,
    DeployDecisionProtector decisions,
    DeployDecisionLedger ledger,
    DeployAccessRelease release,
    DeployStackScript stackScript,
    TimeProvider time,
    ILogger<DeployController> logger) : Controller
{
    /// <summary>The tag on every Linode this sample creates; only those can be deleted from it.</summary>
    public const string Tag = "install-on-linode";

    /// <summary>The public deploy page: no sign-in needed; Linode's catalogue is public.</summary>
    [HttpGet("/deploy")]
    public async Task<IActionResult> Index(bool expired, CancellationToken cancellationToken)
    {
        var model = await FormAsync(new DeployChoices(), [], cancellationToken);
        if (expired && model.Problem is null)
        {
            model = model with { Problem = "Your choices expired before you came back from Linode; please pick them again." };
        }

        return FormView(model, model.StatusCode);
    }

    /// <summary>Keeps the choices for the round trip through Linode and asks for write access to Linodes (step-up for a
    /// user who signed in with less); a user who has it goes straight on.</summary>
    [HttpPost("/deploy")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Submit(DeployChoices choices, CancellationToken cancellationToken)
    {
        JoinMultipleChoices(choices);
        var errors = ModelState.Where(entry => entry.Value?.Errors.Count > 0)
            .Select(entry => new LinodeFieldError(FormFieldOf(entry.Key), "Please choose a value (at most 64 characters)."))
            .Concat(choices.LimitErrors()).ToList();
        if (errors.Count > 0)
        {
            return FormView(await FormAsync(choices, errors, cancellationToken), StatusCodes.Status400BadRequest);
        }

        choicesCookie.Write(Response, choices);
        if (CanCreateLinodes())
        {
            return Redirect("/deploy/confirm");
        }

        await HttpContext.ChallengeForScopesAsync([LinodeScopes.Linodes.ReadWrite], "/deploy/confirm");
        return new EmptyResult();
    }

    /// <summary>Back from Linode: checks that write access was really granted and asks the signed-in user to confirm.
    /// Nothing is created on a GET: the page only shows the choices and a form carrying a decision bound to this user.</summary>
    [Authorize]
    [HttpGet("/deploy/confirm")]
    public IActionResult Confirm()
    {
        if (choicesCookie.Read(HttpContext) is not { } choices)
        {
            return Redirect("/deploy?expired=true");
        }

        if (!CanCreateLinodes())
        {
            // Declined or unticked on Linode's consent page: the scope is checked, not assumed, and the choices are dropped.
            choicesCookie.Delete(HttpContext);
            return WriteAccessMissing();
        }

        Response.Headers.CacheControl = "no-store";
        return View("Confirm", new DeployConfirmViewModel(choices, decisions.Protect(DeployDecision.For(UserId!, choices))));
    }

    /// <summary>Declined (or cancelled) on Linode's consent page during a deployment: the choices cookie is removed, so no
    /// later request can use it, and the page says nothing was created, offering to try again with the same choices.</summary>
    [HttpGet("/deploy/declined")]
    public IActionResult Declined()
    {
        var choices = choicesCookie.Read(HttpContext);
        choicesCookie.Delete(HttpContext);
        return choices is null ? Redirect("/deploy") : View("Declined", choices);
    }

    /// <summary>The user's confirmation: creates the Linode once per decision. The decision must be this user's and is
    /// taken before Linode is called, so a replayed, retried or concurrent confirmation creates nothing more; the call to
    /// Linode is not cancelled when the browser goes away (the Linode then appears in "Your Linodes"). A reload of the
    /// created page (the same POST again) says the Linode was created, also once the access was given back and the user
    /// is signed out; the anti-forgery token is checked for a signed-in user.</summary>
    [HttpPost("/deploy/create")]
    public async Task<IActionResult> Create([FromForm] string? decision, [FromServices] IAntiforgery antiforgery)
    {
        if (decisions.Read(decision) is not { } confirmed)
        {
            return Redirect("/deploy?expired=true");
        }

        if (UserId is null)
        {
            return await ledger.CreatedByAsync(confirmed.Id) is { } linodeId ? CreatedView(linodeId) : Redirect("/deploy?expired=true");
        }

        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            return BadRequest();
        }

        if (!string.Equals(confirmed.UserId, UserId, StringComparison.Ordinal))
        {
            return ProblemView("Nothing was created", new LinodeApiProblem(StatusCodes.Status403Forbidden,
                "This confirmation was made for another signed-in user. Nothing was created; pick your choices again."), "/deploy");
        }

        if (!CanCreateLinodes())
        {
            return WriteAccessMissing();
        }

        if (!await ledger.TryTakeAsync(confirmed.Id))
        {
            return await AlreadyConfirmedAsync(confirmed.Id);
        }

        if (stackScript.Id is not { } stackScriptId)
        {
            return Redirect("/deploy");
        }

        choicesCookie.Delete(HttpContext);
        var choices = confirmed.Choices;
        var request = new CreateLinodeRequest(choices.Plan, choices.Region, choices.Image, choices.Label, RootPassword.Generate(), stackScriptId,
            choices.Udf.Where(pair => !string.IsNullOrEmpty(pair.Value)).ToDictionary(StringComparer.Ordinal), [Tag]);
        try
        {
            // Not the request's token: a browser that leaves must not cancel a creation Linode may already be doing.
            var result = await instances.CreateAsync(request, CancellationToken.None);
            if (result.Created is not { } created)
            {
                return FormView(await FormAsync(choices, result.Errors, HttpContext.RequestAborted), StatusCodes.Status400BadRequest);
            }

            logger.LinodeCreated(created.Id, created.Region, created.Type);
            await ledger.RecordCreatedAsync(confirmed.Id, created.Id);
            if (await HttpContext.GetTokenAsync("access_token") is { } accessToken)
            {
                release.Hold(UserId!, accessToken);
            }

            Response.Headers.CacheControl = "no-store";
            return View("Created", new DeployCreatedViewModel(created, request.RootPass, release.GiveBackAfter));
        }
        catch (Exception exception) when (LinodeApiProblem.From(exception, "creating Linodes", CancellationToken.None) is { } problem)
        {
            logger.LinodeApiFailed("create", exception.GetType().Name);
            return ProblemView("The Linode was not created", problem, "/deploy");
        }
    }

    /// <summary>The new Linode's status, for the page that follows it from provisioning to running. Only reads: giving
    /// the access back is the page's POST to <see cref="Release"/>, or the timer's.</summary>
    [HttpGet("/deploy/status/{id:long}")]
    public async Task<IActionResult> Status(long id, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        if (UserId is not { } userId)
        {
            return StatusJson(StatusCodes.Status401Unauthorized, new { signedOut = true });
        }

        if (release.IsGivenBack(userId))
        {
            return Json(new { givenBack = true });
        }

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
            if (problem.RetryAfter is { } retryAfter)
            {
                Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return StatusJson(problem.StatusCode, new { problem = problem.Message, signInAgain = problem.SignInAgain, retryAfter = problem.RetryAfter?.TotalSeconds });
        }
    }

    /// <summary>Gives back this app's access to the user's account: signs out here, which revokes the token at Linode.
    /// The created page posts it once the new Linode runs; its button does it at any time.</summary>
    [HttpPost("/deploy/release")]
    public async Task<IActionResult> Release([FromServices] IAntiforgery antiforgery)
    {
        if (UserId is { } userId)
        {
            if (!await antiforgery.IsRequestValidAsync(HttpContext))
            {
                return BadRequest();
            }

            await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            release.Forget(userId);
        }

        return WantsJson() ? Json(new { givenBack = true }) : View("Released");
    }

    /// <summary>The Linode field a form input stands for (the form says "Plan" where Linode says "type", and
    /// <c>Udf[name]</c> where Linode says <c>stackscript_data.name</c>).</summary>
    private static string FormFieldOf(string input) =>
        string.Equals(input, nameof(DeployChoices.Plan), StringComparison.OrdinalIgnoreCase) ? "type"
        : input.StartsWith("Udf[", StringComparison.OrdinalIgnoreCase) && input.EndsWith(']') ? StackScriptField.DataField(input[4..^1])
        : input.ToLowerInvariant();

    /// <summary>A multiple-choice StackScript field (<c>manyOf</c>) posts one <c>Udf[name]</c> per ticked value; Linode
    /// takes them comma-separated.</summary>
    private void JoinMultipleChoices(DeployChoices choices)
    {
        foreach (var (key, values) in Request.Form)
        {
            if (values.Count > 1 && FormFieldOf(key) is var field && field.StartsWith("stackscript_data.", StringComparison.Ordinal))
            {
                choices.Udf[key[4..^1]] = string.Join(',', values.Where(value => !string.IsNullOrEmpty(value)));
            }
        }
    }

    /// <summary>A confirmation that was already taken: its Linode when it created one (a reload of the created page,
    /// which no longer shows the password), otherwise "already confirmed".</summary>
    private async Task<IActionResult> AlreadyConfirmedAsync(string decisionId)
    {
        return await ledger.CreatedByAsync(decisionId) is { } linodeId
            ? CreatedView(linodeId)
            : ProblemView("Already confirmed", new LinodeApiProblem(StatusCodes.Status409Conflict,
                "This deployment was already confirmed, and it creates one Linode only. Find it under Your Linodes."), "/linodes");
    }

    /// <summary>The created page for a reload: the Linode's id and a link to it, no password (it was shown once).</summary>
    private ViewResult CreatedView(long linodeId)
    {
        Response.Headers.CacheControl = "no-store";
        var instance = new LinodeInstance(linodeId, $"Linode {linodeId}", string.Empty, string.Empty, "created");
        return View("Created", new DeployCreatedViewModel(instance, null, release.GiveBackAfter)
        {
            HasAccess = UserId is { } userId && !release.IsGivenBack(userId),
        });
    }

    private bool WantsJson() => Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);

    private static JsonResult StatusJson(int status, object value) => new(value) { StatusCode = status };

    private string? UserId => DeployAccessRelease.UserIdOf(HttpContext);

    private ViewResult WriteAccessMissing() => ProblemView("Write access was not granted", new LinodeApiProblem(StatusCodes.Status403Forbidden,
        "Creating a Linode needs write access to your Linodes (linodes:read_write), and Linode's consent did not include it. Nothing was created."), "/deploy");

    private bool CanCreateLinodes() =>
        User.Identity?.IsAuthenticated == true && LinodeScopes.Parse(User.FindAll(LinodeClaimTypes.Scope).Select(claim => claim.Value)).Covers(LinodeScopes.Linodes.ReadWrite);

    private async Task<DeployFormViewModel> FormAsync(DeployChoices choices, IReadOnlyList<LinodeFieldError> errors, CancellationToken cancellationToken)
    {
        if (stackScript.Id is not { } stackScriptId)
        {
            return new DeployFormViewModel([], [], null, choices, errors,
                $"This app has no StackScript to deploy yet. Its author publishes a StackScript on Linode and sets {DeployStackScript.IdKey} to its id "
                + "(dotnet user-secrets set Deploy:StackScriptId <id>, or the environment variable Deploy__StackScriptId), then restarts the app.");
        }

        try
        {
            var plans = catalog.PlansAsync(cancellationToken);
            var regions = catalog.RegionsAsync(cancellationToken);
            var script = await catalog.StackScriptAsync(stackScriptId, cancellationToken);
            var model = new DeployFormViewModel(await plans, await regions, script, choices, errors, null)
            {
                DefaultLabel = DeployLabel.For(script?.Images is [var image, ..] ? image : null, await regions is [var region, ..] ? region.Id : null, time.GetUtcNow()),
            };
            return script is null
                ? model with { Problem = $"The StackScript this app deploys (id {stackScriptId}) was not found on Linode, or it is not public. The app's author has to publish it." }
                : model;
        }
        catch (Exception exception) when (LinodeApiProblem.From(exception, "reading Linode's catalogue", HttpContext.RequestAborted) is { } problem)
        {
            logger.LinodeApiFailed("catalogue", exception.GetType().Name);
            return new DeployFormViewModel([], [], null, choices, errors, problem.Message) { StatusCode = problem.StatusCode };
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
