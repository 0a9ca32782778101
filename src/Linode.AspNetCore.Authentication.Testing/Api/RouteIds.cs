using System.Globalization;
using Microsoft.AspNetCore.Routing;

namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>The <c>{id}</c> of a built-in route (<c>{id:long:min(1)}</c>, so routing has already refused anything else).</summary>
internal static class RouteIds
{
    public const string Pattern = "{id:long:min(1)}";

    public static long Of(LinodeEmulatorApiCall call) =>
        long.Parse(Convert.ToString(call.HttpContext.GetRouteValue("id"), CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture);
}
