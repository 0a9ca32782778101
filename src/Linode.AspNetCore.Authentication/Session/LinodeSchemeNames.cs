using System.Collections.Frozen;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Linode.AspNetCore.Authentication;

/// <summary>The schemes registered with <c>AddLinode</c>, and the cookie schemes they sign in to: cheap "is this a Linode
/// ticket" and "does a Linode scheme sign in here" checks.</summary>
internal sealed class LinodeSchemeNames
{
    private readonly FrozenSet<string> _names;
    private readonly Lazy<FrozenSet<string>> _signInSchemes;

    public LinodeSchemeNames(IEnumerable<LinodeSchemeRegistration> registrations, IOptionsMonitor<LinodeOptions> options, IOptions<AuthenticationOptions> authentication)
    {
        _names = registrations.Select(registration => registration.Scheme).ToFrozenSet(StringComparer.Ordinal);
        _signInSchemes = new(() => _names.Select(name => SignInSchemeOf(name, options, authentication.Value)).OfType<string>().ToFrozenSet(StringComparer.Ordinal));
    }

    public IReadOnlyCollection<string> Names => _names;

    /// <summary>The Linode scheme that issued a ticket, from the properties <c>RemoteAuthenticationHandler</c> stamps, or null.</summary>
    public string? SchemeOf(AuthenticationProperties properties) =>
        properties.Items.TryGetValue(LinodeTicketProperties.AuthSchemeKey, out var scheme) && scheme is not null && _names.Contains(scheme) ? scheme : null;

    /// <summary>Whether a Linode scheme signs in to <paramref name="scheme"/> (its <c>SignInScheme</c>, else the app's
    /// default sign-in scheme).</summary>
    public bool IsSignInSchemeOfLinode(string scheme) => _signInSchemes.Value.Contains(scheme);

    private static string? SignInSchemeOf(string linodeScheme, IOptionsMonitor<LinodeOptions> options, AuthenticationOptions authentication)
    {
        try
        {
            return options.Get(linodeScheme).SignInScheme ?? authentication.DefaultSignInScheme ?? authentication.DefaultScheme;
        }
        catch (OptionsValidationException)
        {
            // Invalid Linode options fail the app at start-up with their own message; meanwhile assume the default.
            return authentication.DefaultSignInScheme ?? authentication.DefaultScheme;
        }
    }
}
