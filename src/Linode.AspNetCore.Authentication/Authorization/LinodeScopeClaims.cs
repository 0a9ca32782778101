using System.Security.Claims;

namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>
/// Checks a user's <see cref="LinodeClaimTypes.Scope"/> claims against required scopes on every authorized request,
/// without allocating: the claims are walked in place (the lists <see cref="ClaimsPrincipal"/> and
/// <see cref="ClaimsIdentity"/> already hold) and each is matched as text by Linode's rule.
/// </summary>
internal static class LinodeScopeClaims
{
    /// <summary>Whether the user's scope claims cover every scope of <paramref name="required"/>.</summary>
    public static bool CoverAll(ClaimsPrincipal user, LinodeScopeSet required)
    {
        foreach (var scope in required.AsSpan())
        {
            if (!Cover(user, scope))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether one of the user's scope claims covers <paramref name="required"/>.</summary>
    public static bool Cover(ClaimsPrincipal user, LinodeScope required)
    {
        if (user.Identities is IList<ClaimsIdentity> identities)
        {
            for (var i = 0; i < identities.Count; i++)
            {
                if (Cover(identities[i], required))
                {
                    return true;
                }
            }

            return false;
        }

        foreach (var identity in user.Identities)
        {
            if (Cover(identity, required))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Cover(ClaimsIdentity identity, LinodeScope required)
    {
        if (identity.Claims is IList<Claim> claims)
        {
            for (var i = 0; i < claims.Count; i++)
            {
                if (Covers(claims[i], required))
                {
                    return true;
                }
            }

            return false;
        }

        foreach (var claim in identity.Claims)
        {
            if (Covers(claim, required))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Covers(Claim? claim, LinodeScope required)
    {
        if (claim is null || !string.Equals(claim.Type, LinodeClaimTypes.Scope, StringComparison.Ordinal))
        {
            return false;
        }

        // One scope per claim as the handler issues them; a claim an app added with a list is split in place.
        var value = claim.Value.AsSpan();
        foreach (var range in value.SplitAny(LinodeScopeTables.Separators))
        {
            if (LinodeScope.Grants(value[range], required))
            {
                return true;
            }
        }

        return false;
    }
}
