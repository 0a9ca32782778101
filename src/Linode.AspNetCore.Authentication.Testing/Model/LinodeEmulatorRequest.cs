using Microsoft.AspNetCore.Http;

namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>
/// A request the emulator received, recorded before any fault applies, so tests can assert what the code under test
/// sent: query, headers and form fields. It holds secrets and tokens as sent: for test assertions only.
/// </summary>
public sealed class LinodeEmulatorRequest
{
    internal LinodeEmulatorRequest(string endpoint, string method, string path, string queryString,
        IReadOnlyDictionary<string, string> query, IReadOnlyDictionary<string, string> headers, IReadOnlyDictionary<string, string> form, string? contentType)
    {
        Endpoint = endpoint;
        Method = method;
        Path = path;
        QueryString = queryString;
        Query = query;
        Headers = headers;
        Form = form;
        ContentType = contentType;
    }

    /// <summary>The name of the endpoint it reached: a <see cref="LinodeEmulatorEndpoint"/> name, one given to
    /// <see cref="LinodeEmulator.MapApi"/>, or <see cref="LinodeEmulatorEndpoint.Unknown"/>.</summary>
    public string Endpoint { get; }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The path, relative to the emulator's base.</summary>
    public string Path { get; }

    /// <summary>The raw query string, including the leading <c>?</c> when present.</summary>
    public string QueryString { get; }

    /// <summary>Query parameters (the last value of repeated keys), case-sensitive keys.</summary>
    public IReadOnlyDictionary<string, string> Query { get; }

    /// <summary>Request headers (values of repeated headers joined with <c>, </c>), case-insensitive keys.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>Form fields of a url-encoded or multipart body; empty for other requests.</summary>
    public IReadOnlyDictionary<string, string> Form { get; }

    /// <summary>The request's content type, if any.</summary>
    public string? ContentType { get; }

    /// <summary>The body of a JSON request (e.g. <c>POST /v4/linode/instances</c>), as sent; null for other requests.</summary>
    public string? Body { get; private init; }

    /// <summary>A record of <paramref name="request"/>, which reached <paramref name="route"/>.</summary>
    internal static LinodeEmulatorRequest From(EmulatorRoute route, HttpRequest request, IFormCollection form, string? body) =>
        new(
            route.Name,
            request.Method,
            request.Path.Value ?? string.Empty,
            request.QueryString.Value ?? string.Empty,
            request.Query.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.Ordinal),
            request.Headers.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            form.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.Ordinal),
            request.ContentType)
        {
            Body = body,
        };
}
