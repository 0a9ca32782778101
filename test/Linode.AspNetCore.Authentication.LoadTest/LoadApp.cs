using System.Net;
using Linode.AspNetCore.Authentication.Baseline;
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
                Configure(options, login.Endpoints.BaseAddress, backchannel.Endpoints.BaseAddress);
            })
            .AddOAuth("Baseline", options =>
            {
                HandWrittenLinodeOAuth.Configure(options);
                Configure(options, login.Endpoints.BaseAddress, backchannel.Endpoints.BaseAddress);
            });
        var app = builder.Build();
        app.UseAuthentication();
        app.MapGet("/linode", () => Results.Challenge(new AuthenticationProperties { RedirectUri = "/me" }, [LinodeDefaults.AuthenticationScheme]));
        app.MapGet("/baseline", () => Results.Challenge(new AuthenticationProperties { RedirectUri = "/me" }, ["Baseline"]));
        app.MapGet("/me", (HttpContext context) => context.User.Identity?.IsAuthenticated == true ? Results.Text("ok") : Results.Unauthorized());
        await app.StartAsync();
        var address = new Uri(app.Urls.First());

        // Both callbacks (/signin-linode, /signin-baseline) under one registered URL, as the emulator requires.
        emulator.Options.Clients[0].RedirectUri = new Uri(address, "/signin-").ToString();
        return new LoadApp(app, emulator, login, backchannel, address);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Login.DisposeAsync();
        await Backchannel.DisposeAsync();
        await Emulator.DisposeAsync();
    }

    /// <summary>Both schemes (and the scale-out instances): the same client, endpoints and scope; plain-http cookies, as on
    /// a loopback test rig. <paramref name="login"/> serves browsers; <paramref name="backchannel"/> the app's calls.</summary>
    internal static void Configure(OAuthOptions options, Uri login, Uri backchannel)
    {
        var browserEndpoints = LinodeEmulatorEndpoints.For(login);
        var appEndpoints = LinodeEmulatorEndpoints.For(backchannel);
        options.ClientId = LinodeEmulatorClient.DefaultClientId;
        options.ClientSecret = LinodeEmulatorClient.DefaultClientSecret;
        options.AuthorizationEndpoint = browserEndpoints.Authorization.ToString();
        options.TokenEndpoint = appEndpoints.Token.ToString();
        options.UserInformationEndpoint = appEndpoints.Profile.ToString();
        options.Scope.Add(HandWrittenLinodeOAuth.Scope);
        options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.CorrelationCookie.SameSite = SameSiteMode.Lax;
        if (options is LinodeOptions linode)
        {
            linode.RevocationEndpoint = appEndpoints.Revocation.ToString();
        }
    }
}
