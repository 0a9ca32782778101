using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>
/// What a user forbidden for missing Linode scopes gets when the app has no access-denied page: the cookie handler would
/// redirect to its <c>AccessDeniedPath</c> (<c>/Account/AccessDenied</c> by default), a 404 in an app that never made one
/// (a minimal-API app). Instead: 403 with a plain-text answer that names the scopes. An app with such a page (an endpoint
/// at that path: a Razor page, a minimal API, or an MVC action by attribute or conventional route) or with its own
/// <c>OnRedirectToAccessDenied</c> keeps the redirect, with <c>missing_scopes</c>.
/// </summary>
internal static class LinodeAccessDeniedPage
{
    /// <summary>Whether an endpoint of the app answers <paramref name="path"/>.</summary>
    public static bool Exists(HttpContext context, PathString path)
    {
        if (context.RequestServices.GetService<EndpointDataSource>() is not { } endpoints)
        {
            return true; // no endpoint routing: the page may be middleware; keep the platform's redirect
        }

        var target = path.Value?.Trim('/') ?? string.Empty;
        var segments = target.Split('/');
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern;
            if (string.Equals(pattern.RawText?.Trim('/'), target, StringComparison.OrdinalIgnoreCase) || IsAction(pattern.RequiredValues, segments))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Answers 403 naming <paramref name="missingScopes"/> (comma-separated).</summary>
    public static Task WriteForbiddenAsync(HttpContext context, string missingScopes)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(
            $"Forbidden: this needs access to your Linode account that was not granted to this app ({missingScopes.Replace(",", ", ", StringComparison.Ordinal)}).",
            context.RequestAborted);
    }

    /// <summary>An MVC action reached by a conventional route: <c>{area}/{controller}/{action}</c> as required values.</summary>
    private static bool IsAction(IReadOnlyDictionary<string, object?> values, string[] segments)
    {
        var area = values.TryGetValue("area", out var a) ? a as string : null;
        var expected = string.IsNullOrEmpty(area) ? segments.Length == 2 : segments.Length == 3 && string.Equals(area, segments[0], StringComparison.OrdinalIgnoreCase);
        return expected
            && values.TryGetValue("controller", out var controller) && string.Equals(controller as string, segments[^2], StringComparison.OrdinalIgnoreCase)
            && values.TryGetValue("action", out var action) && string.Equals(action as string, segments[^1], StringComparison.OrdinalIgnoreCase);
    }
}
