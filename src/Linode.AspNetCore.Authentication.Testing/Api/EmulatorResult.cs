using Microsoft.AspNetCore.Http;

namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>An <see cref="IResult"/> that writes with <see cref="EmulatorResponses"/>, so the built-in API handlers answer
/// through the same <see cref="LinodeEmulator.MapApi"/> mechanism as a test's own.</summary>
internal sealed class EmulatorResult(Func<HttpContext, Task> write) : IResult
{
    public static IResult Of(Func<HttpContext, Task> write) => new EmulatorResult(write);

    public Task ExecuteAsync(HttpContext httpContext) => write(httpContext);
}
