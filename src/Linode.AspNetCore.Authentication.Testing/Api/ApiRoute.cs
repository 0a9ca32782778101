using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>
/// One API path pattern and its handler per method, each with the access it needs: public, any active token, or a token
/// holding a scope (<see cref="ApiAccess"/>). Every answer carries <c>X-Spec-Version</c>; a method not served is 405.
/// </summary>
internal sealed class ApiRoute(LinodeEmulator emulator, EmulatorRoute route)
{
    /// <summary>The API version the emulator claims in <c>X-Spec-Version</c>.</summary>
    public const string SpecVersion = "4.189.0";

    private readonly ConcurrentDictionary<string, Handler> _handlers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The endpoint's name.</summary>
    public EmulatorRoute Route => route;

    /// <summary>Serves <paramref name="method"/> with <paramref name="handler"/>, replacing what served it before.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="access">Who may call it.</param>
    /// <param name="handler">What answers.</param>
    public void Set(string method, ApiAccess access, Func<LinodeEmulatorApiCall, IResult> handler) => _handlers[method] = new Handler(access, handler);

    public async Task HandleAsync(HttpContext context)
    {
        context.Response.Headers["X-Spec-Version"] = SpecVersion;
        if (!_handlers.TryGetValue(context.Request.Method, out var handler))
        {
            await EmulatorResponses.ApiErrorAsync(context, StatusCodes.Status405MethodNotAllowed, "Method Not Allowed");
            return;
        }

        LinodeEmulatorToken? token = null;
        if (!handler.Access.IsPublic && (token = await handler.Access.AuthorizeAsync(emulator, context)) is null)
        {
            return;
        }

        var call = new LinodeEmulatorApiCall(context, token, context.Features.Get<EmulatorRequestBody>()?.Text);
        await handler.Answer(call).ExecuteAsync(context);
    }

    private sealed record Handler(ApiAccess Access, Func<LinodeEmulatorApiCall, IResult> Answer);
}
