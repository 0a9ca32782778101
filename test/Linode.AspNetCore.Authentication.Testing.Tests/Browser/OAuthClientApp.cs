using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Linode.AspNetCore.Authentication.Testing.Tests.Browser;

/// <summary>
/// An app that signs in with the emulator through ASP.NET Core's generic <c>AddOAuth</c> (not the package's handler: the
/// emulator's tests never use it), configured only from <see cref="LinodeEmulatorConfiguration"/>, served in-process.
/// <c>/</c> needs a signed-in user and answers the granted scopes; <c>/loop</c> redirects to itself; <c>POST /echo</c>
/// redirects to <c>/echoed?value=…</c>; <c>/status/{code}</c> answers that status with a <c>Location</c>.
/// </summary>
public sealed class OAuthClientApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OAuthClientApp(WebApplication app, LinodeEmulatorServer emulator)
    {
        _app = app;
        Emulator = emulator;
    }

    public LinodeEmulatorServer Emulator { get; }

    public static async Task<OAuthClientApp> StartAsync(Action<LinodeEmulator>? configure = null)
    {
        var emulator = new LinodeEmulator();
        configure?.Invoke(emulator);
        var server = await LinodeEmulatorServer.StartAsync(emulator, cancellationToken: TestContext.Current.CancellationToken);
        var settings = LinodeEmulatorConfiguration.For(server);
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = "Linode";
            })
            .AddCookie()
            .AddOAuth("Linode", options =>
            {
                options.ClientId = settings["Authentication:Schemes:Linode:ClientId"]!;
                options.ClientSecret = settings["Authentication:Schemes:Linode:ClientSecret"]!;
                options.AuthorizationEndpoint = settings["Authentication:Schemes:Linode:AuthorizationEndpoint"]!;
                options.TokenEndpoint = settings["Authentication:Schemes:Linode:TokenEndpoint"]!;
                options.CallbackPath = "/signin-linode";
                options.Scope.Add("linodes:read_only");
                options.Scope.Add("domains:read_only");
                options.Events.OnCreatingTicket = context =>
                {
                    context.Identity!.AddClaim(new Claim("scopes", context.TokenResponse.Response!.RootElement.GetProperty("scopes").GetString()!));
                    return Task.CompletedTask;
                };
            });
        var app = builder.Build();
        app.UseAuthentication();
        app.MapGet("/", async context =>
        {
            if (context.User.Identity?.IsAuthenticated != true)
            {
                await context.ChallengeAsync();
                return;
            }

            await context.Response.WriteAsync("signed in: " + context.User.FindFirst("scopes")?.Value);
        });
        app.MapGet("/loop", context =>
        {
            context.Response.Redirect("/loop");
            return Task.CompletedTask;
        });
        app.MapPost("/echo", async context =>
        {
            var form = await context.Request.ReadFormAsync();
            context.Response.Redirect("/echoed?value=" + Uri.EscapeDataString(form["value"].ToString()));
        });
        app.MapGet("/echoed", (string value) => "echoed " + value);
        app.MapGet("/status/{code:int}", (int code, HttpContext context) =>
        {
            context.Response.StatusCode = code;
            context.Response.Headers.Location = "/echoed?value=followed";
            return Task.CompletedTask;
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new OAuthClientApp(app, server);
    }

    /// <summary>A browser for this app and its emulator.</summary>
    public LinodeTestBrowser CreateBrowser() => new(_app.GetTestServer().CreateHandler(), new Uri("http://localhost/"), Emulator);

    /// <summary>A browser that knows the emulator by its address only, as one in another process.</summary>
    public LinodeTestBrowser CreateBrowserForAddress() => new(_app.GetTestServer().CreateHandler(), new Uri("http://localhost/"), Emulator.BaseAddress);

    /// <summary>A handler serving this app that records whether it was disposed.</summary>
    public DisposalRecordingHandler CreateRecordingHandler() => new(_app.GetTestServer().CreateHandler());

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}

/// <summary>Passes requests on and records whether it was disposed.</summary>
public sealed class DisposalRecordingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public bool IsDisposed { get; private set; }

    protected override void Dispose(bool disposing)
    {
        IsDisposed = true;
        base.Dispose(disposing);
    }
}
