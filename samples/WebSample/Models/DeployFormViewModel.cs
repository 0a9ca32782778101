using WebSample.Deploy;
using WebSample.Services;

namespace WebSample.Models;

/// <summary>The deploy form: Linode's catalogue, the visitor's choices so far, and Linode's (or our) field errors.</summary>
public sealed record DeployFormViewModel(
    IReadOnlyList<LinodePlan> Plans,
    IReadOnlyList<LinodeRegion> Regions,
    StackScript? StackScript,
    DeployChoices Choices,
    IReadOnlyList<LinodeFieldError> Errors,
    string? Problem)
{
    /// <summary>The page's status: 200, or the status of the problem that kept the form from being shown.</summary>
    public int StatusCode { get; init; } = StatusCodes.Status200OK;

    /// <summary>The label proposed when the visitor has not typed one (<see cref="DeployLabel"/>).</summary>
    public string DefaultLabel { get; init; } = string.Empty;

    /// <summary>The errors for the form field that shows Linode's <paramref name="field"/>.</summary>
    public IEnumerable<string> ErrorsFor(string field) => Errors.Where(error => error.Field == field).Select(error => error.Reason ?? "Not accepted");

    /// <summary>Errors that name no field this form shows.</summary>
    public IEnumerable<string> OtherErrors(IEnumerable<string> shownFields) =>
        Errors.Where(error => error.Field is null || !shownFields.Contains(error.Field)).Select(error => (error.Field is null ? string.Empty : error.Field + ": ") + (error.Reason ?? "Not accepted"));
}

/// <summary>The confirmation page: the choices, and the protected decision its form posts.</summary>
public sealed record DeployConfirmViewModel(DeployChoices Choices, string Decision);

/// <summary>The new Linode and its root password, shown once (null on a reload of the page: it is not kept), and how long
/// the app keeps the access it was given at the latest.</summary>
public sealed record DeployCreatedViewModel(LinodeInstance Instance, string? RootPassword, TimeSpan GiveBackAfter)
{
    /// <summary>Whether this app still has the access the deployment was given (the page then follows the boot and gives it
    /// back); false on a reload after that.</summary>
    public bool HasAccess { get; init; } = true;
}

/// <summary>A page for a problem with a Linode call: what happened and what to do.</summary>
public sealed record ProblemViewModel(string Title, LinodeApiProblem Problem, string? RetryUrl = null);
