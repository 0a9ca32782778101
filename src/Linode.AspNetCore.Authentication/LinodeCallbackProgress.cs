namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>
/// How far one request's callback got, as one immutable value the handler replaces at each step: not a callback, started,
/// denied on Linode's consent page, a token issued (held here until a ticket holds it or it is revoked), a ticket made.
/// It answers what the handler's failure path and sign-in counter ask: is there a token left to revoke, and what was the
/// outcome.
/// </summary>
internal sealed record LinodeCallbackProgress
{
    public static readonly LinodeCallbackProgress NotACallback = new();

    public static readonly LinodeCallbackProgress Started = new() { IsCallback = true };

    public static readonly LinodeCallbackProgress Denied = new() { IsCallback = true, IsDenied = true };

    /// <summary>Whether this request is a callback (or a denied consent): only those are counted.</summary>
    public bool IsCallback { get; private init; }

    /// <summary>Whether the user declined on Linode's consent page.</summary>
    public bool IsDenied { get; private init; }

    /// <summary>Whether a ticket holds the issued token (from then on, the cookie will).</summary>
    public bool HasTicket { get; private init; }

    /// <summary>The access token the code exchange obtained, until a ticket holds it or it is revoked.</summary>
    public string? IssuedAccessToken { get; private init; }

    /// <summary>The sign-in counter's outcome: <c>success</c>, <c>denied</c> or <c>failed</c>.</summary>
    public string Outcome => HasTicket ? "success" : IsDenied ? "denied" : "failed";

    public LinodeCallbackProgress Issued(string? accessToken) => this with { IssuedAccessToken = accessToken };

    public LinodeCallbackProgress TicketCreated() => this with { HasTicket = true };

    public LinodeCallbackProgress Revoked() => this with { IssuedAccessToken = null };
}
