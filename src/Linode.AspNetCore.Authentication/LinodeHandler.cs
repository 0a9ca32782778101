using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Linode.AspNetCore.Authentication;

/// <summary>
/// The "Sign in with Linode" handler. The base <see cref="OAuthHandler{TOptions}"/> builds the authorize redirect
/// (state, correlation, PKCE, <c>AdditionalAuthorizationParameters</c>) and validates the callback; this class
/// formats scopes as Linode documents them, exchanges the code with the credentials in the form body, reads the
/// granted scopes, fetches <c>/v4/profile</c> and issues the claims, one per granted scope included.
/// </summary>
public class LinodeHandler : OAuthHandler<LinodeOptions>
{
    /// <summary>Initializes the handler.</summary>
    /// <param name="options">The options monitor.</param>
    /// <param name="logger">The logger factory.</param>
    /// <param name="encoder">The URL encoder.</param>
    public LinodeHandler(IOptionsMonitor<LinodeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : base(options, logger, encoder)
    {
    }

    /// <summary>The events of this handler.</summary>
    protected new LinodeEvents Events
    {
        get => (LinodeEvents)base.Events;
        set => base.Events = value;
    }

    /// <inheritdoc />
    protected override Task<object> CreateEventsAsync() => Task.FromResult<object>(new LinodeEvents());

    /// <summary>Joins scopes with <see cref="LinodeOptions.ScopeSeparator"/> (a comma by default, as Linode documents).</summary>
    /// <param name="scopes">The scopes to request.</param>
    /// <returns>The <c>scope</c> parameter.</returns>
    protected override string FormatScope(IEnumerable<string> scopes) => LinodeScopes.Format(scopes, Options.ScopeSeparator);

    /// <summary>Exchanges the authorization code at the token endpoint, with <c>client_id</c> and <c>client_secret</c>
    /// in the form body (never in the URL) and the PKCE verifier when PKCE is on.</summary>
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

        if (context.Properties.Items.Remove(OAuthConstants.CodeVerifierKey, out var codeVerifier) && !string.IsNullOrEmpty(codeVerifier))
        {
            form.Add(new(OAuthConstants.CodeVerifierKey, codeVerifier));
        }

        return LinodeTokenEndpoint.PostAsync(Options, form, Logger, Context.RequestAborted);
    }

    /// <summary>Reads the granted scopes, fetches the profile, runs the claim actions, adds one
    /// <see cref="LinodeClaimTypes.Scope"/> claim per granted scope, then raises <c>OnCreatingTicket</c>.</summary>
    /// <param name="identity">The identity to fill.</param>
    /// <param name="properties">The authentication properties.</param>
    /// <param name="tokens">The token response.</param>
    /// <returns>The ticket.</returns>
    protected override async Task<AuthenticationTicket> CreateTicketAsync(ClaimsIdentity identity, AuthenticationProperties properties, OAuthTokenResponse tokens)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(tokens);

        var granted = LinodeGrantedScopes.Read(tokens.Response?.RootElement ?? default, out var present);
        if (!present)
        {
            LinodeLog.NoGrantedScopes(Logger);
        }

        if (Options.RequiredScopes.Count > 0 && granted.Missing(Options.RequiredScopes) is { Count: > 0 } missing)
        {
            var missingText = string.Join(",", missing);
            var failure = LinodeFailure.Create(
                $"Linode granted '{granted.ToString(",")}', but this app requires '{missingText}'.", "insufficient_scope", $"Missing required scopes: {missingText}");
            failure.Data["missing_scopes"] = missingText;
            throw failure;
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
}
