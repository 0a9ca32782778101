using System.Security.Claims;
using Linode.AspNetCore.Authentication.Baseline;
using Linode.AspNetCore.Authentication.StackExchangeRedis;
using Linode.AspNetCore.Authentication.Testing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Linode.AspNetCore.Authentication.Benchmarks;

/// <summary>
/// One in-process app with two external schemes against one in-process emulator: "Linode" (AddLinode) and "Baseline",
/// the AddOAuth setup a developer would hand-write (same endpoints, scopes and profile claim mapping, profile fetched in
/// OnCreatingTicket; it does not issue scope claims, which is part of what AddLinode does more). /linode and /baseline challenge their scheme; /me answers 200 to a signed-in user.
/// </summary>
public sealed class BenchmarkApp : IAsyncDisposable
{
    public const string Scope = HandWrittenLinodeOAuth.Scope;

    private BenchmarkApp(WebApplication app, LinodeEmulator emulator)
    {
        App = app;
        Emulator = emulator;
        Server = app.GetTestServer();
    }

    public WebApplication App { get; }

    public TestServer Server { get; }

    public LinodeEmulator Emulator { get; }

    public static async Task<BenchmarkApp> StartAsync(bool automaticRefresh = false, string? redisSessions = null, bool blazor = false)
    {
        var emulator = new LinodeEmulator();
        emulator.Options.RecordRequests = false;
        emulator.Options.Clients[0].RedirectUri = "https://app.test/signin-"; // both callbacks: /signin-linode, /signin-baseline
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseTestServer(options => options.BaseAddress = new Uri("https://app.test/"));
        builder.Services
            .AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie()
            .AddLinode(options =>
            {
                options.ClientId = LinodeEmulatorClient.DefaultClientId;
                options.ClientSecret = LinodeEmulatorClient.DefaultClientSecret;
                options.Scope.Add(Scope);
                options.AutomaticTokenRefresh = automaticRefresh;
                options.BackchannelHttpHandler = emulator.CreateHttpMessageHandler();
            })
            .AddOAuth("Baseline", options => ConfigureBaseline(options, emulator));
        if (redisSessions is not null)
        {
            builder.Services.AddLinodeRedis(redisSessions).StoreSessions();
        }

        if (blazor)
        {
            // Interactive server components: sessions in memory, circuits acting for their user, a user-token client.
            builder.Services.AddDistributedMemoryCache();
            new AuthenticationBuilder(builder.Services).AddLinodeDistributedSessions();
            builder.Services.AddLinodeBlazor();
            builder.Services.AddHttpClient("linode")
                .AddLinodeUserAccessToken(options => options.BaseAddress = new Uri("https://api.linode.com/v4/"))
                .ConfigurePrimaryHttpMessageHandler(emulator.CreateHttpMessageHandler);
        }

        builder.Services.AddAuthorization();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/authorized", () => Results.Ok()).RequireAuthorization();
        app.MapGet("/scoped", [LinodeScope(Scope)] () => Results.Ok());
        app.MapGet("/linode", () => Results.Challenge(new AuthenticationProperties { RedirectUri = "/me" }, [LinodeDefaults.AuthenticationScheme]));
        app.MapGet("/baseline", () => Results.Challenge(new AuthenticationProperties { RedirectUri = "/me" }, ["Baseline"]));
        app.MapGet("/claims", (HttpContext context) => Results.Json(context.User.Claims.Select(claim => new[] { claim.Type, claim.Value })));
        app.MapGet("/me", (HttpContext context) => context.User.Identity?.IsAuthenticated == true ? Results.Ok() : Results.Unauthorized());
        await app.StartAsync();
        return new BenchmarkApp(app, emulator);
    }

    /// <summary>What a developer writes by hand without this package, against the emulator.</summary>
    public static void ConfigureBaseline(OAuthOptions options, LinodeEmulator emulator)
    {
        HandWrittenLinodeOAuth.Configure(options);
        options.ClientId = LinodeEmulatorClient.DefaultClientId;
        options.ClientSecret = LinodeEmulatorClient.DefaultClientSecret;
        options.AuthorizationEndpoint = "https://login.linode.com/oauth/authorize";
        options.TokenEndpoint = "https://login.linode.com/oauth/token";
        options.UserInformationEndpoint = "https://api.linode.com/v4/profile";
        options.BackchannelHttpHandler = emulator.CreateHttpMessageHandler();
    }

    /// <summary>A sign-in cookie for a ticket like the one a Linode sign-in produces (optionally stamped as Linode's).</summary>
    public string CreateCookie(bool issuedByLinode, string? accessToken = null)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, "1234"), new Claim(ClaimTypes.Name, "exampleUser"),
                new Claim(ClaimTypes.Email, "example-user@gmail.com"), new Claim("urn:linode:timezone", "US/Eastern"),
                new Claim(LinodeClaimTypes.Scope, Scope),
            ],
            issuedByLinode ? LinodeDefaults.AuthenticationScheme : "Baseline");
        // RemoteAuthenticationHandler stamps the remote scheme on every ticket, AddOAuth's included.
        var properties = new AuthenticationProperties();
        properties.Items[".AuthScheme"] = issuedByLinode ? LinodeDefaults.AuthenticationScheme : "Baseline";

        properties.StoreTokens(
        [
            new AuthenticationToken { Name = "access_token", Value = accessToken ?? new string('a', 64) },
            new AuthenticationToken { Name = "refresh_token", Value = new string('b', 64) },
            new AuthenticationToken { Name = "token_type", Value = "bearer" },
            new AuthenticationToken { Name = "expires_at", Value = DateTimeOffset.UtcNow.AddHours(2).ToString("o", System.Globalization.CultureInfo.InvariantCulture) },
        ]);
        var options = App.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(identity), properties, CookieAuthenticationDefaults.AuthenticationScheme);
        if (options.SessionStore is { } store)
        {
            // What the cookie handler writes with a session store: a ticket holding only the session key.
            var key = store.StoreAsync(ticket).GetAwaiter().GetResult();
            var session = new ClaimsIdentity([new Claim("Microsoft.AspNetCore.Authentication.Cookies-SessionId", key)], options.ClaimsIssuer);
            ticket = new AuthenticationTicket(new ClaimsPrincipal(session), null, CookieAuthenticationDefaults.AuthenticationScheme);
        }

        return ".AspNetCore.Cookies=" + options.TicketDataFormat.Protect(ticket);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
