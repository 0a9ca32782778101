using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>Gives an <c>IHttpClientFactory</c> client the package's header-free logger instead of the default ones.</summary>
internal static class LinodeHttpClientLogging
{
    public static IHttpClientBuilder UseLinodeHttpClientLogger(this IHttpClientBuilder builder)
    {
        var name = builder.Name;
        return builder.RemoveAllLoggers().AddLogger(services => new LinodeHttpClientLogger(services.GetRequiredService<ILoggerFactory>(), name));
    }
}
