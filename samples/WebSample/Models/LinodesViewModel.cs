using WebSample.Services;

namespace WebSample.Models;

/// <summary>The user's Linodes, or the problem that kept the page from listing them (and whether signing in again helps).</summary>
public sealed record LinodesViewModel(IReadOnlyList<LinodeInstance> Instances, string? Problem, bool SignInAgain = false)
{
    /// <summary>The label of a Linode just deleted, for the confirmation banner.</summary>
    public string? Deleted { get; init; }
}
