using System.Net;
using System.Security.Claims;
using Linode.AspNetCore.Authentication.Testing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Linode.AspNetCore.Authentication.LoadTest;

/// <summary>
/// The system under load, all on 127.0.0.1: the emulator served twice (one port for browsers' authorize requests, one for
/// the app's back-channel, so the app's TCP connections to Linode are counted alone), and a minimal app on Kestrel with
/// two schemes: "Linode" (AddLinode) and "Baseline" (the hand-written AddOAuth equivalent).
/// </summary>
internal sealed class LoadApp : IAsyncDisposable
{
    private LoadApp(WebApplication app, LinodeEmulator emulator, LinodeEmulatorServer login, LinodeEmulatorServer backchannel, Uri address)
    {
        App = app;
        Emulator = emulator;
        Login = login;
        Backchannel = backchannel;
        Address = address;
    }

    public WebApplication App { get; }

    public LinodeEmulator Emulator { get; }

    public LinodeEmulatorServer Login { get; }

    public LinodeEmulatorServer Backchannel { get; }

    public Uri Address { get; }

    public static async Task<LoadApp> StartAsync()
    {
        var emulator = new LinodeEmulator();
        emulator.Options.RecordRequests = false;
        var login = await LinodeEmulatorServer.StartAsync(emulator);
        var backchannel = await LinodeEmulatorServer.StartAsync(emulator);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie()
            .AddLinode(options =>
            {
                Configure(options, login, backchannel);
            })
            .AddOAuth("Baseline", options =>
            {
                Configure(options, login, backchannel);
                options.CallbackPath = "/signin-baseline";
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
            });
        var app = builder.Build();
        app.UseAuthentication();
        app.MapGet("/linode", () => Results.Challenge(new AuthenticationProperties { RedirectUri = "/me" }, [LinodeDefaults.AuthenticationScheme]));
        app.MapGet("/baseline", () => Results.Challenge(new AuthenticationProperties { RedirectUri = "/me" }, ["Baseline"]));
        app.MapGet("/me", (HttpContext context) => context.User.Identity?.IsAuthenticated == true ? Results.Text("ok") : Results.Unauthorized());
        await app.StartAsync();
        return new LoadApp(app, emulator, login, backchannel, new Uri(app.Urls.First()));
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Login.DisposeAsync();
        await Backchannel.DisposeAsync();
        await Emulator.DisposeAsync();
    }

    /// <summary>Both schemes: the same client, endpoints and scope; plain-http cookies, as on a loopback test rig.</summary>
    private static void Configure(OAuthOptions options, LinodeEmulatorServer login, LinodeEmulatorServer backchannel)
    {
        options.ClientId = LinodeEmulatorClient.DefaultClientId;
        options.ClientSecret = LinodeEmulatorClient.DefaultClientSecret;
        options.AuthorizationEndpoint = login.Endpoints.Authorization.ToString();
        options.TokenEndpoint = backchannel.Endpoints.Token.ToString();
        options.UserInformationEndpoint = backchannel.Endpoints.Profile.ToString();
        options.Scope.Add("linodes:read_only");
        options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.CorrelationCookie.SameSite = SameSiteMode.Lax;
        if (options is LinodeOptions linode)
        {
            linode.RevocationEndpoint = backchannel.Endpoints.Revocation.ToString();
        }
    }
}
