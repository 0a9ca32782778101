using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>The events of a Linode scheme as its handler would use them: from DI when <c>EventsType</c> is set, else <c>Options.Events</c>.</summary>
internal static class LinodeEventsResolver
{
    public static LinodeEvents Resolve(HttpContext context, LinodeOptions options) =>
        options.EventsType is { } type ? (LinodeEvents)context.RequestServices.GetRequiredService(type) : options.Events;
}
