using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;

namespace Linode.AspNetCore.Authentication.Baseline;

/// <summary>
/// The baseline of the benchmarks and the load command: what a developer writes with plain <c>AddOAuth</c> instead of
/// <c>AddLinode()</c>. The same scope and profile claim mapping; the profile is fetched in <c>OnCreatingTicket</c>; no
/// scope claims, no error mapping, no revocation. The caller sets the client and the endpoints.
/// </summary>
internal static class HandWrittenLinodeOAuth
{
    public const string Scope = "linodes:read_only";

    public static void Configure(OAuthOptions options)
    {
        options.CallbackPath = "/signin-baseline";
        options.Scope.Add(Scope);
        options.SaveTokens = true;
        options.ClaimActions.MapJsonKey(ClaimTypes.NameIdentifier, "uid");
        options.ClaimActions.MapJsonKey(ClaimTypes.Name, "username");
        options.ClaimActions.MapJsonKey(ClaimTypes.Email, "email");
        options.ClaimActions.MapJsonKey("urn:linode:timezone", "timezone");
        options.ClaimActions.MapCustomJson("urn:linode:restricted", ClaimValueTypes.Boolean, user => user.GetProperty("restricted").GetBoolean() ? "true" : "false");
        options.ClaimActions.MapCustomJson("urn:linode:two_factor_auth", ClaimValueTypes.Boolean, user => user.GetProperty("two_factor_auth").GetBoolean() ? "true" : "false");
        options.ClaimActions.MapJsonKey("urn:linode:user_type", "user_type");
        options.ClaimActions.MapJsonKey("urn:linode:authentication_type", "authentication_type");
        options.Events.OnCreatingTicket = async context =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, context.Options.UserInformationEndpoint);
            request.Headers.Authorization = new("Bearer", context.AccessToken);
            using var response = await context.Backchannel.SendAsync(request, context.HttpContext.RequestAborted);
            response.EnsureSuccessStatusCode();
            using var user = await System.Text.Json.JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(context.HttpContext.RequestAborted));
            context.RunClaimActions(user.RootElement);
        };
    }
}
