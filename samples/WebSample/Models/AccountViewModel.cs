using System.Globalization;
using System.Security.Claims;
using Linode.AspNetCore.Authentication;

namespace WebSample.Models;

public sealed record AccountViewModel(string? Username, string? Email, string? Uid, string? Timezone, IReadOnlyList<string> Scopes, DateTimeOffset? ExpiresAt)
{
    public static AccountViewModel From(ClaimsPrincipal user, string? expiresAt) => new(
        user.FindFirstValue(ClaimTypes.Name),
        user.FindFirstValue(ClaimTypes.Email),
        user.FindFirstValue(ClaimTypes.NameIdentifier),
        user.FindFirstValue(LinodeClaimTypes.Timezone),
        user.FindAll(LinodeClaimTypes.Scope).Select(claim => claim.Value).ToList(),
        DateTimeOffset.TryParse(expiresAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed) ? parsed : null);
}
