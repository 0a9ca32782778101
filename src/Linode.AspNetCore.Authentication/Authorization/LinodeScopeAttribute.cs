using Microsoft.AspNetCore.Authorization;

namespace Linode.AspNetCore.Authentication;

/// <summary>
/// Requires an authenticated user whose granted Linode scopes cover <see cref="Scopes"/>, on a controller, an action or
/// a minimal-API endpoint, without declaring a named policy: <c>[LinodeScope(LinodeScopes.Linodes.ReadWrite)]</c>.
/// With <see cref="StepUp"/> and <c>AddLinodeStepUpConsent()</c>, a signed-in Linode user who lacks a scope is sent to
/// Linode to consent to it and brought back.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class LinodeScopeAttribute : AuthorizeAttribute, IAuthorizationRequirementData
{
    /// <summary>Initializes the attribute.</summary>
    /// <param name="scopes">The required scopes, for example <see cref="LinodeScopes.Linodes.ReadWrite"/>.</param>
    public LinodeScopeAttribute(params string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        Scopes = scopes;
    }

    /// <summary>The required scopes.</summary>
    public IReadOnlyList<string> Scopes { get; }

    /// <summary>Whether a user who lacks the scopes is asked to consent to them instead of being forbidden.</summary>
    public bool StepUp { get; set; }

    /// <inheritdoc />
    public IEnumerable<IAuthorizationRequirement> GetRequirements()
    {
        yield return new LinodeScopeRequirement(Scopes, StepUp);
    }
}
