using System.Net;
using System.Security.Cryptography;
using System.Text;
using Linode.AspNetCore.Authentication.Testing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Linode.AspNetCore.Authentication.StackExchangeRedis.Tests.Infrastructure;

/// <summary>
/// One instance of a "Sign in with Linode" app on Kestrel (its own host, its own loopback port), configured as a
/// multi-instance app would be. Pages: <c>/challenge</c> (sign in, back to <c>/landed</c>, which reads no cookie),
/// <c>/</c> (authenticates the cookie, so it refreshes when due: answers the user and a hash of the access token it ended
/// up with, or 401), <c>POST /hold</c> (authenticates like <c>/</c>, then reads its whole body before answering: a slow
/// request whose cookie renewal is written when it ends), <c>GET /claims</c> (the signed-in principal's claims, as a
/// background job or a circuit keeps them), <c>POST /signout</c>.
/// </summary>
public sealed class ScaleOutInstance : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ScaleOutInstance(WebApplication app, int port, System.Collections.Concurrent.ConcurrentQueue<LinodeTokenRefreshResult> refreshes)
    {
        _app = app;
        Port = port;
        Refreshes = refreshes;
    }

    /// <summary>Every <c>OnTokenRefreshed</c> this instance raised.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<LinodeTokenRefreshResult> Refreshes { get; }

    /// <summary>The Data Protection application name every instance shares.</summary>
    public const string ApplicationName = "linode-scale-out-tests";

    public int Port { get; }

    public IServiceProvider Services => _app.Services;

    public FakeLogCollector Logs => _app.Services.GetFakeLogCollector();

    public static async Task<ScaleOutInstance> StartAsync(ScaleOutSettings settings, LinodeEmulatorServer emulator)
    {
        var refreshes = new System.Collections.Concurrent.ConcurrentQueue<LinodeTokenRefreshResult>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddFakeLogging(options => options.CollectRecordsForDisabledLogLevels = false);
        builder.Configuration.AddInMemoryCollection(LinodeEmulatorConfiguration.For(emulator));
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName(ApplicationName);
        if (settings.KeyRingCertificate is { } certificate)
        {
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

        builder.Services.AddAuthentication()
            .AddCookie(options =>
            {
                options.ExpireTimeSpan = settings.SessionLifetime;
                options.SlidingExpiration = settings.SlidingExpiration;
            })
            .AddLinode(options =>
            {
                options.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.AutomaticTokenRefresh = true;
                options.TokenRefreshWindow = settings.TokenRefreshWindow;
                options.Events.OnTokenRefreshed = context =>
                {
                    refreshes.Enqueue(context.Result);
                    return Task.CompletedTask;
                };
            });
        if (settings.Redis is { } redis)
        {
            var shared = builder.Services.AddLinodeRedis(options =>
            {
                options.Configuration = redis.Configuration;
                options.KeyPrefix = settings.KeyPrefix;
                settings.ConfigureRedis?.Invoke(options);
            }).PersistDataProtectionKeys();
            if (settings.ServerSessions)
            {
                shared.StoreSessions();
            }
        }
        else
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(settings.KeyDirectory));
        }

        if (settings.Blazor)
        {
            builder.Services.AddLinodeBlazor(options => options.RevalidationInterval = TimeSpan.FromSeconds(1));
            builder.Services.AddHttpClient("linode").AddLinodeUserAccessToken(options => options.BaseAddress = emulator.Endpoints.Api);
        }

        var app = builder.Build();
        app.MapGet("/challenge", (HttpContext context) => context.ChallengeAsync(LinodeDefaults.AuthenticationScheme, new AuthenticationProperties { RedirectUri = "/landed" }));
        app.MapGet("/landed", () => "landed");
        app.MapGet("/", async (HttpContext context) =>
        {
            var result = await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            if (!result.Succeeded)
            {
                return Results.Unauthorized();
            }

            return Results.Text(result.Principal!.Identity!.Name + " " + TokenHash(result.Properties!.GetTokenValue("access_token")));
        });
        app.MapGet("/claims", async (HttpContext context) =>
        {
            var result = await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return result.Succeeded ? Results.Json(result.Principal!.Claims.Select(claim => new[] { claim.Type, claim.Value })) : Results.Unauthorized();
        });
        app.MapPost("/hold", async (HttpContext context) =>
        {
            var result = await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            return result.Succeeded ? Results.Text("held " + TokenHash(result.Properties!.GetTokenValue("access_token"))) : Results.Unauthorized();
        });
        app.MapPost("/signout", async (HttpContext context) =>
        {
            await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Text("signed out");
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new ScaleOutInstance(app, new Uri(address).Port, refreshes);
    }

    /// <summary>What the test compares instead of tokens: the first 16 hex digits of the token's SHA-256.</summary>
    public static string TokenHash(string? token) =>
        token is null ? "none" : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..16];

    /// <summary>The log records of one event id.</summary>
    public IReadOnlyList<FakeLogRecord> LogsOf(int eventId) => Logs.GetSnapshot().Where(record => record.Id.Id == eventId).ToList();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
