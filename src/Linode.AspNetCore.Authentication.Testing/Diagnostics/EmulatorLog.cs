using Microsoft.Extensions.Logging;

namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>What the emulator logs: the input it refused, so that a test's failure says why.</summary>
internal static partial class EmulatorLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "The Linode emulator refused {Method} {Path}: the form could not be read ({Reason}).")]
    public static partial void MalformedForm(ILogger logger, string method, string path, string reason);
}
