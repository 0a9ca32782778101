using System.Collections.Concurrent;
using System.Text.Json;
using Linode.AspNetCore.Authentication.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Linode.AspNetCore.Authentication.EmulatorTool;

/// <summary>
/// What the emulator served, for a developer watching its console (one log line per request: method, path, grant type,
/// status; never a token or code) and for tests of several processes (<c>GET /_emulator/traffic</c>: requests by method
/// and path, token grants by type).
/// </summary>
internal sealed partial class EmulatorTraffic
{
    private readonly ConcurrentDictionary<string, long> _requests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _grants = new(StringComparer.Ordinal);
    private readonly ILogger _logger;

    public EmulatorTraffic(ILogger<EmulatorTraffic> logger) => _logger = logger;

    /// <summary>Counts and logs each request the emulator answers.</summary>
    public async Task CountAsync(HttpContext context, RequestDelegate next)
    {
        var grant = await GrantTypeAsync(context).ConfigureAwait(false);
        await next(context).ConfigureAwait(false);
        var request = context.Request.Method + " " + context.Request.Path.Value;
        _requests.AddOrUpdate(request, 1, (_, count) => count + 1);
        if (grant is not null)
        {
            _grants.AddOrUpdate(grant, 1, (_, count) => count + 1);
        }

        Served(_logger, context.Request.Method, context.Request.Path.Value ?? "/", grant ?? "-", context.Response.StatusCode);
    }

    /// <summary>Writes the counts as JSON.</summary>
    public Task WriteAsync(HttpContext context)
    {
        context.Response.ContentType = "application/json";
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            WriteCounts(json, "requests", _requests);
            WriteCounts(json, "grants", _grants);
            json.WriteEndObject();
        }

        return context.Response.Body.WriteAsync(buffer.ToArray(), context.RequestAborted).AsTask();
    }

    private static void WriteCounts(Utf8JsonWriter json, string name, ConcurrentDictionary<string, long> counts)
    {
        json.WriteStartObject(name);
        foreach (var (key, count) in counts.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            json.WriteNumber(key, count);
        }

        json.WriteEndObject();
    }

    /// <summary>The grant type of a token request (the form stays buffered for the emulator); null for other requests.</summary>
    private static async Task<string?> GrantTypeAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || context.Request.Path != "/oauth/token" || !context.Request.HasFormContentType)
        {
            return null;
        }

        try
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            return form["grant_type"].ToString() is { Length: > 0 and <= 40 } grant ? grant : "(none)";
        }
        catch (InvalidDataException)
        {
            return "(unreadable)";
        }
    }

    [LoggerMessage(1, LogLevel.Information, "{Method} {Path} grant={GrantType} -> {StatusCode}")]
    private static partial void Served(ILogger logger, string method, string path, string grantType, int statusCode);
}
