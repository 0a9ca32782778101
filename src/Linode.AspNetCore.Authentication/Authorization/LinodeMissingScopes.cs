using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>
/// The Linode scopes a request was found to lack, for the access-denied redirect's <c>missing_scopes</c>. The scope
/// handler records them on the request when a requirement fails (only then: nothing is stored on a request that passes),
/// so every app that uses the scope requirements gets them, with or without step-up consent; a forbid issued with
/// properties that name them (the step-up handler's) takes precedence.
/// </summary>
internal static class LinodeMissingScopes
{
    private static readonly object Key = new();

    public static void Record(HttpContext context, IEnumerable<LinodeScope> missing)
    {
        var recorded = context.Items.TryGetValue(Key, out var value) && value is LinodeScopeSet set ? set : LinodeScopeSet.Empty;
        context.Items[Key] = LinodeScopes.Build(recorded.Concat(missing));
    }

    public static string? Of(HttpContext context, AuthenticationProperties properties)
    {
        if (properties.Items.TryGetValue(LinodeStepUp.MissingScopesKey, out var named) && !string.IsNullOrEmpty(named))
        {
            return named;
        }

        return context.Items.TryGetValue(Key, out var value) && value is LinodeScopeSet { Count: > 0 } set ? set.ToString(",") : null;
    }
}
