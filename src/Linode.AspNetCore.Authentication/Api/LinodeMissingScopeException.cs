using System.Net;

namespace Linode.AspNetCore.Authentication;

/// <summary>
/// Linode answered 401 <c>Your OAuth token is not authorized to use this endpoint.</c>: the user's token lacks a scope.
/// <see cref="RequiredScopes"/> comes from <c>X-Accepted-OAuth-Scopes</c>, <see cref="GrantedScopes"/> from <c>X-OAuth-Scopes</c>.
/// Asking the user to consent to more scopes fixes it; signing in again with the same scopes does not.
/// </summary>
public sealed class LinodeMissingScopeException : LinodeApiException
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="requiredScopes">The scopes the endpoint accepts.</param>
    /// <param name="grantedScopes">The scopes the token has.</param>
    /// <param name="reason">Linode's reason text.</param>
    public LinodeMissingScopeException(LinodeScopeSet requiredScopes, LinodeScopeSet grantedScopes, string? reason)
        : base(Describe(requiredScopes, grantedScopes), HttpStatusCode.Unauthorized, reason)
    {
        RequiredScopes = requiredScopes;
        GrantedScopes = grantedScopes;
    }

    private static string Describe(LinodeScopeSet requiredScopes, LinodeScopeSet grantedScopes)
    {
        ArgumentNullException.ThrowIfNull(requiredScopes);
        ArgumentNullException.ThrowIfNull(grantedScopes);
        var required = requiredScopes.Count == 0 ? "a scope Linode did not name" : "'" + requiredScopes.ToString(",") + "'";
        return $"The Linode token is not authorized for this endpoint; it needs {required} and has '{grantedScopes.ToString(",")}'.";
    }

    /// <summary>The scopes the endpoint accepts (<c>X-Accepted-OAuth-Scopes</c>).</summary>
    public LinodeScopeSet RequiredScopes { get; }

    /// <summary>The scopes the token has (<c>X-OAuth-Scopes</c>).</summary>
    public LinodeScopeSet GrantedScopes { get; }
}
