using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>
/// What every request meets after routing, whichever endpoint it reached: it is counted, its form and JSON body are read
/// (a form that cannot be read is 400), it is recorded, and an armed fault answers instead of the endpoint. A request no
/// route matched is then 404 in Linode's error shape.
/// </summary>
internal sealed class EmulatorFrontDoor(LinodeEmulator emulator, ILogger logger)
{
    /// <summary>The largest JSON body read (the API's POSTs).</summary>
    private const int MaxBodyChars = 1024 * 1024;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var route = context.GetEndpoint()?.Metadata.GetMetadata<EmulatorRoute>() ?? EmulatorRoute.Unmatched;
        emulator.CountRequest(route.Name);
        IFormCollection form;
        try
        {
            form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : FormCollection.Empty;
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException && !context.RequestAborted.IsCancellationRequested)
        {
            EmulatorLog.MalformedForm(logger, context.Request.Method, context.Request.Path.Value ?? string.Empty, exception.Message);
            await EmulatorResponses.OAuthErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "The form could not be read: " + exception.Message);
            return;
        }

        var body = await ReadJsonBodyAsync(context.Request);
        context.Features.Set(new EmulatorRequestBody(body));
        if (emulator.Options.RecordRequests)
        {
            emulator.Record(LinodeEmulatorRequest.From(route, context.Request, form, body));
        }

        if (emulator.Faults.Take(route.Name) is { } fault && await AnswerFaultAsync(context, fault))
        {
            return;
        }

        await (route == EmulatorRoute.Unmatched ? EmulatorResponses.ApiErrorAsync(context, StatusCodes.Status404NotFound, "Not found") : next(context));
    }

    /// <summary>Waits the fault's delay, then answers its status; false when it has none (the endpoint answers).</summary>
    private static async Task<bool> AnswerFaultAsync(HttpContext context, LinodeEmulatorFault fault)
    {
        try
        {
            await Task.Delay(fault.Delay, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up (its timeout): never answer, as a server that hung would not.
            context.Abort();
            return true;
        }

        if (fault.StatusCode is not { } status)
        {
            return false;
        }

        foreach (var (name, value) in fault.Headers)
        {
            context.Response.Headers[name] = value;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = fault.ContentType;
        await context.Response.WriteAsync(fault.Body, context.RequestAborted);
        return true;
    }

    /// <summary>The body of a JSON request, at most <see cref="MaxBodyChars"/> characters; null for any other request.</summary>
    private static async Task<string?> ReadJsonBodyAsync(HttpRequest request)
    {
        if (request.ContentType is not { } contentType || !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var buffer = new char[MaxBodyChars];
        using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8);
        var read = await reader.ReadBlockAsync(buffer, request.HttpContext.RequestAborted);
        return new string(buffer, 0, read);
    }
}
