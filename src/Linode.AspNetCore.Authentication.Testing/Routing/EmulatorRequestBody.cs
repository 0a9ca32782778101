namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>The request's JSON body as the front door read it (the request stream is spent by then), as a request feature.</summary>
/// <param name="Text">The body, or null when the request was not JSON.</param>
internal sealed record EmulatorRequestBody(string? Text);
