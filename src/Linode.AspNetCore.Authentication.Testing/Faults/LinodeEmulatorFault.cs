namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>
/// A fault to inject at an endpoint: an optional delay, then either the normal answer (when <see cref="StatusCode"/>
/// is null) or the given status, body, content type and headers.
/// </summary>
public sealed class LinodeEmulatorFault
{
    /// <summary>Wait this long before answering (real time, so client time-outs trigger).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>The status to answer with instead of the normal answer; null keeps the normal answer.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The body sent with <see cref="StatusCode"/>.</summary>
    public string Body { get; init; } = string.Empty;

    /// <summary>The content type of <see cref="Body"/>.</summary>
    public string ContentType { get; init; } = "application/json";

    /// <summary>Extra response headers.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Answers <paramref name="statusCode"/> with a body in Linode's API error shape (or <paramref name="body"/>).</summary>
    /// <param name="statusCode">The status.</param>
    /// <param name="body">The body; by default <c>{"errors":[{"reason":"..."}]}</c>.</param>
    /// <returns>The fault.</returns>
    public static LinodeEmulatorFault Status(int statusCode, string? body = null) =>
        new() { StatusCode = statusCode, Body = body ?? "{\"errors\":[{\"reason\":\"Injected failure " + statusCode + "\"}]}" };

    /// <summary>Answers 200 with a body that is not valid JSON.</summary>
    /// <returns>The fault.</returns>
    public static LinodeEmulatorFault MalformedJson() => new() { StatusCode = 200, Body = "{\"access_token\": \"abc\", " };

    /// <summary>Answers an HTML page, as Linode's edge firewall does when it blocks a request (403 "Access Denied").</summary>
    /// <param name="statusCode">The status; 403 by default.</param>
    /// <returns>The fault.</returns>
    public static LinodeEmulatorFault Html(int statusCode = 403) =>
        new() { StatusCode = statusCode, ContentType = "text/html", Body = "<html><head><title>Access Denied</title></head><body><h1>Access Denied</h1>Reference #18.0</body></html>" };

    /// <summary>Answers 429 with <c>Retry-After</c> and the <c>X-RateLimit-*</c> headers.</summary>
    /// <param name="retryAfterSeconds">The <c>Retry-After</c> value.</param>
    /// <returns>The fault.</returns>
    public static LinodeEmulatorFault RateLimited(int retryAfterSeconds = 30) => new()
    {
        StatusCode = 429,
        Body = "{\"errors\":[{\"reason\":\"Too many requests\"}]}",
        Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Retry-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["X-RateLimit-Limit"] = "800",
            ["X-RateLimit-Remaining"] = "0",
        },
    };

    /// <summary>Delays the normal answer.</summary>
    /// <param name="delay">How long.</param>
    /// <returns>The fault.</returns>
    public static LinodeEmulatorFault Slow(TimeSpan delay) => new() { Delay = delay };
}
