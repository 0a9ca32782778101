using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>
/// <c>/oauth/authorize</c>. Unknown clients and redirect URIs that do not start with the registered one get an error
/// page (never a redirect to an unverified URI). Other errors redirect back with <c>error</c> and
/// <c>error_description</c>. The interactive consent page is protected against forgery and framing
/// (<see cref="ConsentAntiforgery"/>). Approval appends <c>state</c> and <c>code</c> to the redirect URI's existing query (code flow)
/// or puts the token in the fragment (<c>response_type=token</c>).
/// </summary>
internal sealed class AuthorizeEndpoint
{
    private readonly LinodeEmulator _emulator;

    public AuthorizeEndpoint(LinodeEmulator emulator) => _emulator = emulator;

    public async Task HandleAsync(HttpContext context)
    {
        if (HttpMethods.IsPost(context.Request.Method))
        {
            await HandleConsentAsync(context);
            return;
        }

        var request = AuthorizeRequest.FromQuery(context.Request.Query);
        if (await ValidateAsync(context, request) is not { } client)
        {
            return;
        }

        var options = _emulator.Options;
        switch (options.ConsentMode)
        {
            case LinodeEmulatorConsentMode.AutoDeny:
                RedirectError(context, request, "access_denied", "The user denied the request.", client);
                break;
            case LinodeEmulatorConsentMode.Interactive:
                await EmulatorResponses.HtmlAsync(context, StatusCodes.Status200OK, ConsentPage.Render(client, request, options.Users, ConsentAntiforgery.Issue(context)));
                break;
            default:
                var user = _emulator.FindUser(options.ApprovingUser) ?? options.Users[0];
                Approve(context, request, client, user, options.GrantedScopes ?? request.Scopes);
                break;
        }
    }

    private async Task HandleConsentAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            await EmulatorResponses.HtmlAsync(context, StatusCodes.Status400BadRequest, ConsentPage.Error("The consent form was not posted as a form."));
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (!ConsentAntiforgery.IsValid(context, form[ConsentAntiforgery.FieldName]))
        {
            await EmulatorResponses.HtmlAsync(context, StatusCodes.Status400BadRequest, ConsentPage.Error("The consent form expired or was not sent from this page. Go back to the app and sign in again."));
            return;
        }

        var request = AuthorizeRequest.From(name => form.TryGetValue(name, out var value) ? value.ToString() : null);
        if (await ValidateAsync(context, request) is not { } client)
        {
            return;
        }

        if (!string.Equals(form["decision"], "approve", StringComparison.Ordinal))
        {
            RedirectError(context, request, "access_denied", "The user denied the request.", client);
            return;
        }

        if (_emulator.FindUser(form["user"]) is not { } user)
        {
            await EmulatorResponses.HtmlAsync(context, StatusCodes.Status400BadRequest, ConsentPage.Error("Choose one of the listed users."));
            return;
        }

        // Only the scopes left ticked are granted (Linode may let users untick scopes).
        var ticked = form["granted"].Where(scope => scope is not null).Select(scope => scope!).ToArray();
        Approve(context, request, client, user, request.Scopes.Where(scope => ticked.Contains(scope, StringComparer.Ordinal)).ToArray());
    }

    private async Task<LinodeEmulatorClient?> ValidateAsync(HttpContext context, AuthorizeRequest request)
    {
        var client = _emulator.FindClient(request.ClientId);
        if (client is null)
        {
            await EmulatorResponses.HtmlAsync(context, StatusCodes.Status400BadRequest, ConsentPage.Error("Unknown client_id."));
            return null;
        }

        if (request.RedirectUri is not null && !EmulatorRedirectUris.Matches(client.RedirectUri, request.RedirectUri))
        {
            await EmulatorResponses.HtmlAsync(context, StatusCodes.Status400BadRequest, ConsentPage.Error(
                $"The redirect_uri '{request.RedirectUri}' does not start with the redirect URI registered for this client ('{client.RedirectUri}'). " +
                $"Register the app's callback URL with the emulator: set the RedirectUri of its client '{client.ClientId}' (emulator.Options.Clients) to '{request.RedirectUri}', " +
                "or register a loopback URL without a port (such as the default http://localhost/signin-linode), which accepts any port."));
            return null;
        }

        if (request.TooManyScopes)
        {
            RedirectError(context, request, "invalid_scope", $"At most {EmulatorScopes.MaxScopes} scopes may be requested.", client);
            return null;
        }

        if (request.ResponseType is not ("code" or "token"))
        {
            RedirectError(context, request, "unsupported_response_type", "response_type must be 'code' or 'token'.", client);
            return null;
        }

        if (request.CodeChallenge is not null && request.CodeChallengeMethod != "S256")
        {
            RedirectError(context, request, "invalid_request", "code_challenge_method must be S256.", client);
            return null;
        }

        if (client.IsPublic && request.ResponseType == "code" && request.CodeChallenge is null)
        {
            RedirectError(context, request, "invalid_request", "Public clients must use PKCE (code_challenge).", client);
            return null;
        }

        return client;
    }

    private void Approve(HttpContext context, AuthorizeRequest request, LinodeEmulatorClient client, LinodeEmulatorUser user, IReadOnlyList<string> scopes)
    {
        var options = _emulator.Options;
        var redirectUri = request.RedirectUri ?? client.RedirectUri;
        if (options.AccumulateConsent)
        {
            scopes = _emulator.Store.ConsentOf(client.ClientId, user.Uid).Union(scopes, StringComparer.Ordinal).ToArray();
        }

        if (request.ResponseType == "token")
        {
            var token = _emulator.Store.IssueToken(client, user, scopes, options.AccessTokenLifetime, "implicit", withRefreshToken: false);
            var fragment = QueryString.Create(new Dictionary<string, string?>
            {
                ["access_token"] = token.AccessToken,
                ["token_type"] = "bearer",
                ["expires_in"] = ((long)options.AccessTokenLifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture),
                ["scope"] = string.Join(' ', scopes),
                ["state"] = request.State,
            });
            EmulatorResponses.Redirect(context, redirectUri + "#" + fragment.Value![1..]);
            return;
        }

        var grant = _emulator.Store.IssueCode(client, user, scopes, request.CodeChallenge, options.AuthorizationCodeLifetime);
        var location = request.State is null ? redirectUri : QueryHelpers.AddQueryString(redirectUri, "state", request.State);
        EmulatorResponses.Redirect(context, QueryHelpers.AddQueryString(location, "code", grant.Code));
    }

    private static void RedirectError(HttpContext context, AuthorizeRequest request, string error, string description, LinodeEmulatorClient client)
    {
        var redirectUri = request.RedirectUri ?? client.RedirectUri;
        var parameters = new Dictionary<string, string?> { ["error"] = error, ["error_description"] = description };
        if (request.State is not null)
        {
            parameters["state"] = request.State;
        }

        EmulatorResponses.Redirect(context, QueryHelpers.AddQueryString(redirectUri, parameters));
    }
}
