using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;

namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>
/// How code without the cookie (a Blazor circuit, a hosted service) finds a user's server-side session: the ticket store
/// adds one claim to the principal it stores, holding the cookie scheme and the session key, protected with Data
/// Protection. The key itself never enters the principal, so an app that renders its user's claims shows nothing a
/// visitor could use; only this app's key ring can read the handle.
/// </summary>
internal static class LinodeSessionHandle
{
    /// <summary>The claim type of the handle.</summary>
    public const string ClaimType = "urn:linode:session";

    private const string Purpose = "Linode.AspNetCore.Authentication.SessionHandle";

    /// <summary>The ticket with the handle of session <paramref name="key"/> of <paramref name="cookieScheme"/> (replacing
    /// any earlier one).</summary>
    public static AuthenticationTicket With(AuthenticationTicket ticket, IDataProtectionProvider protection, string cookieScheme, string key)
    {
        var identities = ticket.Principal.Identities.Select(identity => identity.Clone()).ToList();
        foreach (var identity in identities)
        {
            foreach (var old in identity.FindAll(ClaimType).ToList())
            {
                identity.RemoveClaim(old);
            }
        }

        var value = protection.CreateProtector(Purpose).Protect(cookieScheme + "\n" + key);
        (identities.FirstOrDefault(identity => identity.IsAuthenticated) ?? identities[0]).AddClaim(new Claim(ClaimType, value));
        return new AuthenticationTicket(new ClaimsPrincipal(identities), ticket.Properties, ticket.AuthenticationScheme);
    }

    /// <summary>The cookie scheme and session key of <paramref name="user"/>'s session, or null when the principal has
    /// no handle (not signed in, or its cookie does not keep sessions server-side) or one this app cannot read.</summary>
    public static (string CookieScheme, string Key)? Read(ClaimsPrincipal user, IDataProtectionProvider protection) =>
        user.FindFirst(ClaimType)?.Value is { } value ? Read(value, protection) : null;

    /// <summary>The cookie scheme and session key a handle's claim value names, or null when this app cannot read it.</summary>
    public static (string CookieScheme, string Key)? Read(string value, IDataProtectionProvider protection)
    {
        try
        {
            var text = protection.CreateProtector(Purpose).Unprotect(value);
            var separator = text.IndexOf('\n', StringComparison.Ordinal);
            return separator > 0 ? (text[..separator], text[(separator + 1)..]) : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
