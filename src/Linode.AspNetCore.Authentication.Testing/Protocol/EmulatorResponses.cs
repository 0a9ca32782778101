using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>Writes the emulator's answers: JSON via <see cref="Utf8JsonWriter"/>, HTML pages, redirects.</summary>
internal static class EmulatorResponses
{
    public static async Task JsonAsync(HttpContext context, int status, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(buffer.ToArray(), context.RequestAborted);
    }

    /// <summary>A login error in both shapes, since Linode's is not confirmed: RFC 6749 <c>error</c> and Linode's <c>errors</c>.</summary>
    public static Task OAuthErrorAsync(HttpContext context, int status, string error, string description) =>
        JsonAsync(context, status, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("error", error);
            writer.WriteString("error_description", description);
            writer.WriteStartArray("errors");
            writer.WriteStartObject();
            writer.WriteString("reason", description);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        });

    /// <summary>An API error as api.linode.com sends it: <c>{"errors":[{"reason":...}]}</c>.</summary>
    public static Task ApiErrorAsync(HttpContext context, int status, string reason) => FieldErrorsAsync(context, status, [new EmulatorFieldError(null, reason)]);

    /// <summary>An HTML page that no other site may frame (the consent page must not be clickjacked).</summary>
    /// <summary>Linode's error shape with fields: <c>{"errors":[{"field":"region","reason":"…"}]}</c> (no <c>field</c>
    /// for an error of the whole body).</summary>
    public static Task FieldErrorsAsync(HttpContext context, int status, IEnumerable<EmulatorFieldError> errors) =>
        JsonAsync(context, status, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("errors");
            foreach (var error in errors)
            {
                writer.WriteStartObject();
                if (error.Field is { } field)
                {
                    writer.WriteString("field", field);
                }

                writer.WriteString("reason", error.Reason);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });

    /// <summary>One page of Linode's paged list shape: <c>{"data":[…],"page":1,"pages":1,"results":N}</c>.</summary>
    public static Task PageAsync<T>(HttpContext context, IReadOnlyList<T> items, Action<Utf8JsonWriter, T> writeItem) =>
        JsonAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("data");
            foreach (var item in items)
            {
                writeItem(writer, item);
            }

            writer.WriteEndArray();
            writer.WriteNumber("page", 1);
            writer.WriteNumber("pages", 1);
            writer.WriteNumber("results", items.Count);
            writer.WriteEndObject();
        });

    public static Task HtmlAsync(HttpContext context, int status, string html)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.ContentSecurityPolicy = "frame-ancestors 'none'";
        context.Response.Headers.XFrameOptions = "DENY";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return context.Response.WriteAsync(html, Encoding.UTF8, context.RequestAborted);
    }

    public static void Redirect(HttpContext context, string location)
    {
        context.Response.StatusCode = StatusCodes.Status302Found;
        context.Response.Headers.Location = location;
    }
}
