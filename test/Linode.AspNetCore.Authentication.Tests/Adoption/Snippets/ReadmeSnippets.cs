// The C# blocks of README.md, compiled here; PackageSnippetTests checks that each Markdown block equals its region.
// The methods are never run: they hold the snippets in the context the README implies (a builder, options, a user).
#pragma warning disable CA1052, CA1806, CA1812, CA1822, CA2007, IDE0051, IDE0059, IDE0060, CS8321, xUnit1051 // snippet holders

using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Linode.AspNetCore.Authentication.Testing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Linode.AspNetCore.Authentication.Tests.Adoption.Snippets;

internal static class ReadmeSnippets
{
    public static void Registration(WebApplicationBuilder builder)
    {
        #region readme-registration
        builder.Services
            .AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = LinodeDefaults.AuthenticationScheme;
            })
            .AddCookie()
            .AddLinode(options =>
            {
                options.Scope.Add(LinodeScopes.Linodes.ReadOnly);   // ask for the narrowest scopes you need
            });
        #endregion
    }

    public static void Schemes(WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication()
            #region readme-schemes
            .AddLinode()                                                   // Authentication:Schemes:Linode
            .AddLinode("LinodeWork", "Linode (work)", o => o.CallbackPath = "/signin-linode-work");
            #endregion
    }

    public static void Scopes(LinodeOptions options, ClaimsPrincipal User)
    {
        #region readme-scopes
        options.Scope.Add(LinodeScopes.Linodes.ReadWrite);      // "linodes:read_write"
        options.Scope.Add(LinodeScopes.Domains.All);            // "domains:*"
        options.Scope.Add(LinodeScopes.All);                    // "*" — everything

        LinodeScopeSet granted = LinodeScopes.Parse(User.FindAll(LinodeClaimTypes.Scope).Select(c => c.Value));
        granted.Covers(LinodeScopes.Linodes.ReadOnly);          // read_write covers read_only; family:* covers both; * covers all
        granted.Missing([LinodeScopes.Volumes.ReadWrite]);      // what a page needs that the user did not grant
        #endregion
    }

    public static void Refresh(WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication()
            #region readme-refresh
            .AddLinode(options => options.AutomaticTokenRefresh = true);   // needs SaveTokens (the default)
            #endregion
    }

    public static void Api(WebApplicationBuilder builder)
    {
        #region readme-api-registration
        builder.Services.AddHttpClient<LinodeInstancesClient>()
            .AddLinodeUserAccessToken();            // base address https://api.linode.com/v4/, Bearer token, User-Agent
        #endregion
    }

    public static void Blazor(WebApplicationBuilder builder)
    {
        #region readme-blazor
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddDistributedMemoryCache();            // one instance; Redis for several
        builder.Services
            .AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = LinodeDefaults.AuthenticationScheme;   // [Authorize] pages sign in with Linode
            })
            .AddCookie()
            .AddLinode()
            .AddLinodeDistributedSessions();                     // the tokens live server side, where a circuit can read them
        builder.Services.AddLinodeBlazor();                      // circuit calls act for the circuit's user
        builder.Services.AddHttpClient<LinodeInstancesClient>()
            .AddLinodeUserAccessToken();                         // the same typed client as in an MVC app
        #endregion
    }

    public static async Task<string> OutsideRequests(IServiceProvider services, System.Security.Claims.ClaimsPrincipal user)
    {
        #region readme-user-tokens
        // A hosted service following a deployment for a user it kept (their ClaimsPrincipal):
        var tokens = services.GetRequiredService<LinodeUserTokens>();
        var accessToken = await tokens.GetAccessTokenAsync(user);   // refreshed once when due; throws when the session ended
        #endregion
        return accessToken;
    }

    public static void ScopeEndpoints(WebApplicationBuilder builder, WebApplication app, Delegate CreateLinode)
    {
        #region readme-scope-endpoints
        // Minimal APIs:
        app.MapPost("/linodes", CreateLinode).RequireLinodeScope(LinodeScopes.Linodes.ReadWrite);

        // Named policies:
        builder.Services.AddAuthorization(o => o.AddPolicy("volumes", p => p.RequireLinodeScope(LinodeScopes.Volumes.ReadOnly)));
        #endregion
    }

    public static void RequiredScopes(WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication()
            #region readme-required-scopes
            .AddLinode(o => o.RequiredScopes.Add(LinodeScopes.Linodes.ReadOnly));   // or "RequiredScopes" in configuration
            #endregion
    }

    public static void RemoteFailure(LinodeOptions options)
    {
        #region readme-remote-failure
        options.Events.OnRemoteFailure = context =>
        {
            var reason = LinodeAuthenticationFailureException.SafeErrorCodeOf(context.Failure) ?? "sign_in_failed";
            context.Response.Redirect("/signin-failed?reason=" + reason);
            context.HandleResponse();
            return Task.CompletedTask;
        };
        #endregion
    }

    public static async Task EmulatorHosting(IServiceCollection services)
    {
        #region readme-emulator-hosting
        var emulator = new LinodeEmulator();                       // client 0123456789abcdef0123, users exampleUser and restrictedUser

        // In-process back-channel (no socket) for tests that never open the authorize page; a test that follows the
        // browser's redirect uses the loopback server below with UseLinodeEmulator instead.
        services.Configure<LinodeOptions>(LinodeDefaults.AuthenticationScheme, o =>
        {
            o.ClientId = LinodeEmulatorClient.DefaultClientId;
            o.ClientSecret = LinodeEmulatorClient.DefaultClientSecret;
            o.BackchannelHttpHandler = emulator.CreateHttpMessageHandler();
        });

        // Or on a loopback port, for a browser or another process:
        await using var server = await LinodeEmulatorServer.StartAsync(emulator);
        var settings = LinodeEmulatorConfiguration.For(server);    // Authentication:Schemes:Linode:* keys for any host

        // Or under a path of an existing app: app.UseLinodeEmulator("/linode-emulator", emulator);
        #endregion
    }

    public static void EmulatorDrive(LinodeEmulator emulator)
    {
        #region readme-emulator-drive
        emulator.Options.ConsentMode = LinodeEmulatorConsentMode.AutoDeny;     // or Interactive for a consent page
        emulator.Options.ApprovingUser = "restrictedUser";
        emulator.Options.GrantedScopes = ["linodes:read_only"];               // a user who unticked scopes
        emulator.Faults.Add(LinodeEmulatorEndpoint.Token, LinodeEmulatorFault.Status(500), times: 1);
        emulator.Faults.Add(LinodeEmulatorEndpoint.Profile, LinodeEmulatorFault.RateLimited(30));
        emulator.Faults.Add(LinodeEmulatorEndpoint.Revoke, LinodeEmulatorFault.Slow(TimeSpan.FromSeconds(10)));
        emulator.Faults.Add(LinodeEmulatorEndpoint.Token, LinodeEmulatorFault.Html());   // the edge firewall's 403 page

        var tokenRequest = emulator.RequestsTo(LinodeEmulatorEndpoint.Token).Single();   // what your app sent
        Assert.Equal("authorization_code", tokenRequest.Form["grant_type"]);
        Assert.False(emulator.IsAccessTokenActive(emulator.Tokens.Single().AccessToken)); // revoked on sign-out
        #endregion
    }
}

#region readme-api-client
public sealed class LinodeInstancesClient(HttpClient http)
{
    public Task<JsonElement> ListAsync() => http.GetFromJsonAsync<JsonElement>("linode/instances");
}
#endregion

public sealed class ReadmeLinodesController : Controller
{
    #region readme-scope-attribute
    // On a controller or action, or a minimal-API handler: no named policy needed (IAuthorizationRequirementData).
    [LinodeScope(LinodeScopes.Linodes.ReadOnly)]
    public IActionResult List() => View();
    #endregion
}
