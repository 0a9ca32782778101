using Microsoft.AspNetCore.Authorization;

namespace Linode.AspNetCore.Authentication;

/// <summary>
/// Requires that the user's granted Linode scopes (the <see cref="LinodeClaimTypes.Scope"/> claims) cover every scope in
/// <see cref="Scopes"/>, by Linode's rules: <c>read_write</c> covers <c>read_only</c>, <c>family:*</c> covers both, <c>*</c> covers all.
/// </summary>
public sealed class LinodeScopeRequirement : IAuthorizationRequirement
{
    /// <summary>Initializes the requirement.</summary>
    /// <param name="scopes">The required scopes (each entry may hold several, comma- or space-separated).</param>
    /// <param name="stepUp">Whether a signed-in Linode user who lacks them is sent back to Linode to consent to them
    /// (needs <c>AddLinodeStepUpConsent()</c>); otherwise the user is forbidden.</param>
    public LinodeScopeRequirement(IEnumerable<string> scopes, bool stepUp = false)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        Scopes = LinodeScopes.Parse(scopes);
        if (Scopes.Count == 0)
        {
            throw new ArgumentException("A Linode scope requirement needs at least one scope.", nameof(scopes));
        }

        StepUp = stepUp;
    }

    /// <summary>The required scopes.</summary>
    public LinodeScopeSet Scopes { get; }

    /// <summary>Whether a user who lacks the scopes is asked to consent to them (step-up) instead of being forbidden.</summary>
    public bool StepUp { get; }

    /// <inheritdoc />
    public override string ToString() => $"Linode scopes {Scopes.ToString(",")}" + (StepUp ? " (step-up)" : string.Empty);
}
