using System.Collections.Frozen;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>The schemes registered with <c>AddLinode</c>, and the cookie schemes they sign in to: cheap "is this a Linode
/// ticket" and "does a Linode scheme sign in here" checks.</summary>
internal sealed class LinodeSchemeNames
{
    private readonly FrozenSet<string> _names;
    private readonly Lazy<FrozenSet<string>> _signInSchemes;

    public LinodeSchemeNames(IEnumerable<LinodeSchemeRegistration> registrations, IOptionsMonitor<LinodeOptions> options)
    {
        _names = registrations.Select(registration => registration.Scheme).ToFrozenSet(StringComparer.Ordinal);
        _signInSchemes = new(() => _names.Select(name => SignInSchemeOf(name, options)).OfType<string>().ToFrozenSet(StringComparer.Ordinal));
    }

    public IReadOnlyCollection<string> Names => _names;

    /// <summary>The Linode scheme that issued a ticket, from the properties <c>RemoteAuthenticationHandler</c> stamps, or null.</summary>
    public string? SchemeOf(AuthenticationProperties properties) =>
        properties.Items.TryGetValue(LinodeTicketProperties.AuthSchemeKey, out var scheme) && scheme is not null && _names.Contains(scheme) ? scheme : null;

    /// <summary>Whether a Linode scheme signs in to <paramref name="scheme"/> (its <c>SignInScheme</c>, which ASP.NET Core's
    /// remote-scheme registration sets to the app's default sign-in scheme when the app leaves it unset).</summary>
    public bool IsSignInSchemeOfLinode(string scheme) => _signInSchemes.Value.Contains(scheme);

    /// <summary>The cookie schemes Linode schemes sign in to.</summary>
    public IReadOnlyCollection<string> SignInSchemes => _signInSchemes.Value;

    private static string? SignInSchemeOf(string linodeScheme, IOptionsMonitor<LinodeOptions> options)
    {
        try
        {
            return options.Get(linodeScheme).SignInScheme;
        }
        catch (OptionsValidationException)
        {
            // Invalid Linode options stop the app at start-up with their own message; a cookie configured before that
            // (a test reading its options, a tool) is left as the app made it rather than failing with the Linode message.
            return null;
        }
    }
}
