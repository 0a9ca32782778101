using System.Collections.Frozen;

namespace Linode.AspNetCore.Authentication;

/// <summary>The names of every scheme registered with <c>AddLinode</c>, for cheap "is this a Linode ticket" checks.</summary>
internal sealed class LinodeSchemes
{
    private readonly FrozenSet<string> _names;

    public LinodeSchemes(IEnumerable<LinodeSchemeRegistration> registrations) =>
        _names = registrations.Select(registration => registration.Scheme).ToFrozenSet(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => _names;

    /// <summary>The Linode scheme that issued a ticket, from the properties <c>RemoteAuthenticationHandler</c> stamps, or null.</summary>
    public string? SchemeOf(Microsoft.AspNetCore.Authentication.AuthenticationProperties properties) =>
        properties.Items.TryGetValue(LinodeTicketProperties.AuthSchemeKey, out var scheme) && scheme is not null && _names.Contains(scheme) ? scheme : null;
}
