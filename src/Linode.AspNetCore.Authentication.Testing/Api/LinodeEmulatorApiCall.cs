using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>
/// A request an API endpoint's handler answers (see <see cref="LinodeEmulator.MapApi"/>), after the emulator counted and
/// recorded it, found no armed fault, and accepted its token and scope. The helpers answer in api.linode.com's shapes.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "The answers are the call's members so that a handler reads call => call.Page(items).")]
public sealed class LinodeEmulatorApiCall
{
    private static readonly JsonSerializerOptions SnakeCase = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    internal LinodeEmulatorApiCall(HttpContext httpContext, LinodeEmulatorToken? token, string? body)
    {
        HttpContext = httpContext;
        Token = token;
        Body = body;
    }

    /// <summary>The request, with its route values (<c>HttpContext.GetRouteValue("id")</c>).</summary>
    public HttpContext HttpContext { get; }

    /// <summary>The caller's token, whose <see cref="LinodeEmulatorToken.User"/> owns what the call reads; null on an
    /// endpoint added with <see cref="LinodeEmulator.MapPublicApi"/>.</summary>
    public LinodeEmulatorToken? Token { get; }

    /// <summary>The request's JSON body (at most 1 MiB), or null when it was not <c>application/json</c>.</summary>
    public string? Body { get; }

    /// <summary>Linode's error shape, <c>{"errors":[{"reason":…}]}</c>.</summary>
    /// <param name="statusCode">The status, e.g. 404.</param>
    /// <param name="reason">The reason, e.g. <c>Not found</c>.</param>
    /// <returns>The answer.</returns>
    public IResult Error(int statusCode, string reason) =>
        EmulatorResult.Of(context => EmulatorResponses.ApiErrorAsync(context, statusCode, reason));

    /// <summary><paramref name="value"/> as JSON with snake_case names (<c>CreatedAt</c> → <c>created_at</c>), as Linode writes.</summary>
    /// <param name="value">The object.</param>
    /// <param name="statusCode">The status; 200 by default.</param>
    /// <returns>The answer.</returns>
    public IResult Json(object? value, int statusCode = StatusCodes.Status200OK) =>
        Results.Json(value, SnakeCase, "application/json", statusCode);

    /// <summary>One page of Linode's paged list shape, <c>{"data":[…],"page":1,"pages":1,"results":N}</c>, items in snake_case.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The items.</param>
    /// <returns>The answer.</returns>
    public IResult Page<T>(IEnumerable<T> items)
    {
        var data = items.ToArray();
        return Json(new { data, page = 1, pages = 1, results = data.Length });
    }
}
