using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Linode.AspNetCore.Authentication;

/// <summary>
/// The "Sign in with Linode" handler. The base <see cref="OAuthHandler{TOptions}"/> builds the authorize redirect
/// (state, correlation, PKCE, <c>AdditionalAuthorizationParameters</c>) and validates the callback. This class adds what
/// Linode needs: comma-separated scopes; the code exchange and profile call through the package's back-channel pipeline
/// (Linode's two error shapes and its edge firewall's HTML mapped to clear failures, a descriptive <c>User-Agent</c>,
/// telemetry); one claim per granted scope; safe return URLs; and revocation of the token of a sign-in that fails after
/// the exchange.
/// </summary>
public class LinodeHandler : OAuthHandler<LinodeOptions>
{
    private readonly ILinodeTokenRevoker _revoker;

    // How far this request's callback got, and the token it obtained until a ticket holds it (or it is revoked).
    private LinodeCallbackProgress _progress = LinodeCallbackProgress.NotACallback;

    /// <summary>Initializes the handler.</summary>
    /// <param name="options">The options monitor.</param>
    /// <param name="logger">The logger factory.</param>
    /// <param name="encoder">The URL encoder.</param>
    /// <param name="revoker">Revokes the token of a sign-in that fails after the code exchange.</param>
    public LinodeHandler(IOptionsMonitor<LinodeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ILinodeTokenRevoker revoker)
        : base(options, logger, encoder)
    {
        _revoker = revoker;
    }

    /// <summary>The events of this handler.</summary>
    protected new LinodeEvents Events
    {
        get => (LinodeEvents)base.Events;
        set => base.Events = value;
    }

    /// <inheritdoc />
    protected override Task<object> CreateEventsAsync() => Task.FromResult<object>(new LinodeEvents());

    /// <summary>Handles the callback. Linode redirects back with a GET: any other method is answered 405 (with
    /// <c>Allow: GET</c>) before the state is read, so it neither exchanges the code nor spends the correlation cookie.
    /// When a sign-in fails after Linode issued a token (a missing required scope, a failed
    /// profile call, an app's event throwing, an error while signing in or redirecting) the token is revoked, and an
    /// exception that escapes is answered with the remote-failure page rather than a 500.</summary>
    /// <returns>Whether the request was handled.</returns>
    public override async Task<bool> HandleRequestAsync()
    {
        if (!HttpMethods.IsGet(Request.Method) && await ShouldHandleRequestAsync().ConfigureAwait(false))
        {
            LinodeLog.CallbackMethodNotAllowed(Logger, Scheme.Name, Request.Method);
            Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            Response.Headers.Allow = HttpMethods.Get;
            return true;
        }

        bool handled;
        try
        {
            handled = await base.HandleRequestAsync().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            if (await AnswerEscapedFailureAsync(exception).ConfigureAwait(false))
            {
                return true;
            }

            throw;
        }

        await EndCallbackAsync().ConfigureAwait(false);
        return handled;
    }

    /// <summary>Handles the callback (marks the request as one, for the sign-in counter).</summary>
    /// <returns>The result of the callback.</returns>
    protected override Task<HandleRequestResult> HandleRemoteAuthenticateAsync()
    {
        _progress = LinodeCallbackProgress.Started;
        return base.HandleRemoteAuthenticateAsync();
    }

    /// <summary>The user declined on Linode's consent page (counted as <c>denied</c>).</summary>
    /// <param name="properties">The authentication properties.</param>
    /// <returns>The result.</returns>
    protected override Task<HandleRequestResult> HandleAccessDeniedErrorAsync(AuthenticationProperties properties)
    {
        _progress = LinodeCallbackProgress.Denied;
        return base.HandleAccessDeniedErrorAsync(properties);
    }

    /// <summary>Challenges Linode, first making the return URL safe: a local URL (non-ASCII percent-encoded), or an
    /// absolute URL of this request's own origin reduced to its local part; anything else becomes <c>/</c>.</summary>
    /// <param name="properties">The challenge properties.</param>
    /// <returns>A task.</returns>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        if (!string.IsNullOrEmpty(properties.RedirectUri))
        {
            var safe = LinodeReturnUrl.LocalOrSameOrigin(properties.RedirectUri, Request);
            if (safe is null)
            {
                LinodeLog.UnsafeReturnUrl(Logger, Scheme.Name);
            }

            properties.RedirectUri = safe ?? "/";
        }

        return base.HandleChallengeAsync(properties);
    }

    /// <summary>Joins scopes with <see cref="LinodeOptions.ScopeSeparator"/> (a comma by default, as Linode documents).</summary>
    /// <param name="scopes">The scopes to request.</param>
    /// <returns>The <c>scope</c> parameter.</returns>
    protected override string FormatScope(IEnumerable<string> scopes) => LinodeScopes.Format(scopes, Options.ScopeSeparator);

    /// <summary>Exchanges the authorization code through the package's token endpoint (error mapping, <c>User-Agent</c>,
    /// telemetry) and remembers the issued token until a ticket holds it.</summary>
    /// <param name="context">The exchange context.</param>
    /// <returns>The token response, or a failure carrying the HTTP status and Linode's error code.</returns>
    protected override Task<OAuthTokenResponse> ExchangeCodeAsync(OAuthCodeExchangeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var form = new List<KeyValuePair<string, string>>(6)
        {
            new("grant_type", "authorization_code"),
            new("code", context.Code),
            new("redirect_uri", context.RedirectUri),
            new("client_id", Options.ClientId),
            new("client_secret", Options.ClientSecret),
        };

        if (context.Properties.Items.Remove(OAuthConstants.CodeVerifierKey, out var codeVerifier))
        {
            form.Add(new(OAuthConstants.CodeVerifierKey, codeVerifier!));
        }

        return ExchangeAsync(form);
    }

    private async Task<OAuthTokenResponse> ExchangeAsync(List<KeyValuePair<string, string>> form)
    {
        var tokens = await LinodeTokenEndpoint.PostAsync(Options, "exchange", form, Logger, Context.RequestAborted).ConfigureAwait(false);
        _progress = _progress.Issued(tokens.AccessToken); // no token when the exchange failed
        return tokens;
    }

    /// <summary>Reads the granted scopes, fetches the profile, runs the claim actions, adds one
    /// <see cref="LinodeClaimTypes.Scope"/> claim per granted scope, then raises <c>OnCreatingTicket</c>.</summary>
    /// <param name="identity">The identity to fill.</param>
    /// <param name="properties">The authentication properties.</param>
    /// <param name="tokens">The token response.</param>
    /// <returns>The ticket.</returns>
    protected override async Task<AuthenticationTicket> CreateTicketAsync(ClaimsIdentity identity, AuthenticationProperties properties, OAuthTokenResponse tokens)
    {
        try
        {
            var ticket = await CreateLinodeTicketAsync(identity, properties, tokens).ConfigureAwait(false);
            _progress = _progress.TicketCreated(); // from here the ticket (and, once signed in, the cookie) holds the token
            return ticket;
        }
        catch
        {
            // Revoke before the failure page is written: the browser may move on as soon as it has the answer.
            await RevokeIssuedTokenAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task<AuthenticationTicket> CreateLinodeTicketAsync(ClaimsIdentity identity, AuthenticationProperties properties, OAuthTokenResponse tokens)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(tokens);

        var granted = LinodeGrantedScopes.Read(tokens.Response?.RootElement ?? default, out var present);
        if (!present)
        {
            LinodeLog.NoGrantedScopes(Logger);
        }

        if (granted.Missing(Options.RequiredScopes) is { Count: > 0 } missing)
        {
            var missingText = string.Join(",", missing);
            throw new LinodeAuthenticationFailureException($"Linode granted '{granted.ToString(",")}', but this app requires '{missingText}'.")
            {
                Error = "insufficient_scope",
                ErrorDescription = $"Missing required scopes: {missingText}",
                MissingScopes = LinodeScopes.Parse(missing.Select(scope => scope.Value)),
            };
        }

        using var profile = await LinodeProfileEndpoint.GetAsync(Options, tokens.AccessToken!, Logger, Context.RequestAborted).ConfigureAwait(false);

        var context = new OAuthCreatingTicketContext(new ClaimsPrincipal(identity), properties, Context, Scheme, Options, Backchannel, tokens, profile.RootElement);
        context.RunClaimActions();
        foreach (var scope in granted)
        {
            identity.AddClaim(new Claim(LinodeClaimTypes.Scope, scope.Value, ClaimValueTypes.String, ClaimsIssuer));
        }

        if (Logger.IsEnabled(LogLevel.Debug))
        {
            LinodeLog.SignedIn(Logger, identity.FindFirst(ClaimTypes.NameIdentifier)?.Value, granted.Count);
        }
        await Events.CreatingTicket(context).ConfigureAwait(false);
        return new AuthenticationTicket(context.Principal!, context.Properties, Scheme.Name);
    }

    /// <summary>A callback that ended without an exception: a sign-in that made no ticket leaves no token behind; the
    /// outcome is counted.</summary>
    private async Task EndCallbackAsync()
    {
        if (!_progress.HasTicket)
        {
            await RevokeIssuedTokenAsync().ConfigureAwait(false);
        }

        CountSignIn(_progress.Outcome);
    }

    /// <summary>An exception escaped the callback. Before a ticket was made it comes from the failure path itself (an app's
    /// <c>OnRemoteFailure</c>, or a failure it left unhandled, which ASP.NET Core then throws): the app chose that answer,
    /// and a failed ticket revoked its own token. After (an app's <c>OnTicketReceived</c>, the cookie sign-in, the
    /// redirect) the token the ticket holds never reached a cookie: it is revoked, what the failed sign-in wrote is undone
    /// and the remote-failure page is shown, unless the response has started.</summary>
    /// <returns>Whether the failure page answered; false to rethrow.</returns>
    private async Task<bool> AnswerEscapedFailureAsync(Exception exception)
    {
        CountSignIn("failed");
        if (!_progress.HasTicket)
        {
            return false;
        }

        await RevokeIssuedTokenAsync().ConfigureAwait(false);
        if (Response.HasStarted)
        {
            return false;
        }

        Response.Clear();
        var failure = LinodeFailure.Create(LinodeRemoteFailurePage.CouldNotComplete, "sign_in_failed", inner: exception);
        var context = new RemoteFailureContext(Context, Scheme, Options, failure);
        await Events.RemoteFailure(context).ConfigureAwait(false);
        return context.Result?.Handled == true;
    }

    private void CountSignIn(string outcome)
    {
        if (_progress.IsCallback)
        {
            Options.Instrumentation?.SignIn(Scheme.Name, outcome);
        }
    }

    private async Task RevokeIssuedTokenAsync()
    {
        if (_progress.IssuedAccessToken is { } token)
        {
            _progress = _progress.Revoked();
            LinodeLog.RevokingUnclaimedToken(Logger, Scheme.Name);
            await _revoker.RevokeAsync(Context, Scheme.Name, token, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
