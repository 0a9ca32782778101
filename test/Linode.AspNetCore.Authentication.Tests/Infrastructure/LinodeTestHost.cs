using System.Collections.Concurrent;
using System.Security.Claims;
using System.Net.Http.Json;
using System.Text.Json;
using Linode.AspNetCore.Authentication.Testing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Linode.AspNetCore.Authentication.Tests.Infrastructure;

/// <summary>
/// An app that uses the package exactly as a user would (<c>AddCookie().AddLinode()</c> against Linode's default URLs),
/// hosted on TestServer at https://app.test, whose back-channel and browser both reach the in-process emulator.
/// Endpoints: <c>/me</c> (claims and saved tokens as JSON, or a challenge), <c>/challenge</c>, <c>POST /signout</c>,
/// <c>POST /revoke</c> (the explicit API).
/// </summary>
public sealed class LinodeTestHost : IAsyncDisposable
{
    public const string AppBase = "https://app.test";
    public const string LoginHost = "login.linode.com";
    public const string ApiHost = "api.linode.com";

    private WebApplication _app = null!;

    private LinodeTestHost(LinodeEmulator emulator) => Emulator = emulator;

    public LinodeEmulator Emulator { get; }

    public TestBrowser Browser { get; } = new();

    public LogCapture Logs { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public ConcurrentQueue<Exception> Failures { get; } = new();

    public ConcurrentQueue<LinodeTokenRevocationResult> Revocations { get; } = new();

    public ConcurrentQueue<LinodeTokenRefreshResult> Refreshes { get; } = new();

    public IServiceProvider Services => _app.Services;

    public static async Task<LinodeTestHost> StartAsync(
        Action<LinodeOptions>? configure = null,
        Action<AuthenticationBuilder, LinodeTestHost>? addSchemes = null,
        IDictionary<string, string?>? settings = null,
        LinodeEmulator? emulator = null,
        HostFeatures features = HostFeatures.StepUpConsent)
    {
        var host = new LinodeTestHost(emulator ?? NewEmulator()) { Features = features };
        await host.BuildAsync(configure, addSchemes, settings);
        return host;
    }

    /// <summary>An emulator whose default client is registered for this app's callback, as at cloud.linode.com.</summary>
    public static LinodeEmulator NewEmulator(LinodeEmulatorOptions? options = null, TimeProvider? time = null)
    {
        var emulator = new LinodeEmulator(options, time);
        emulator.Options.Clients[0].RedirectUri = AppBase + "/signin-linode";
        return emulator;
    }

    /// <summary>What the test app registers beyond <c>AddLinode()</c>.</summary>
    [Flags]
    public enum HostFeatures
    {
        None = 0,

        /// <summary><c>AddLinodeStepUpConsent()</c>.</summary>
        StepUpConsent = 1,

        /// <summary>The back-channel comes from <c>IHttpClientFactory</c> (the package's named client), as in a real app,
        /// with the emulator as its primary handler; otherwise <c>BackchannelHttpHandler</c> is set.</summary>
        BackchannelFromFactory = 2,
    }

    public HostFeatures Features { get; private init; }

    /// <summary>Adds the test's back-channel and event taps to a Linode scheme; the app's own settings come first.</summary>
    public void Instrument(LinodeOptions options)
    {
        if (!Features.HasFlag(HostFeatures.BackchannelFromFactory))
        {
            options.BackchannelHttpHandler = Emulator.CreateHttpMessageHandler();
        }

        var remoteFailure = options.Events.OnRemoteFailure;
        options.Events.OnRemoteFailure = context =>
        {
            Failures.Enqueue(context.Failure!);
            return remoteFailure(context);
        };
        options.Events.OnTokenRevoked = context =>
        {
            Revocations.Enqueue(context.Result);
            return Task.CompletedTask;
        };
        options.Events.OnTokenRefreshed = context =>
        {
            Refreshes.Enqueue(context.Result);
            return Task.CompletedTask;
        };
    }

    /// <summary>Signs in through the whole flow (challenge, emulator consent, callback) and returns the final answer.</summary>
    public Task<HttpResponseMessage> SignInAsync(string path = "/me") => Browser.GetAsync(AppBase + path);

    /// <summary>Another browser (another person) on the same app and emulator.</summary>
    public TestBrowser CreateBrowser()
    {
        var browser = new TestBrowser();
        browser.Route("app.test", _app.GetTestServer().CreateHandler());
        browser.Route(LoginHost, Emulator.CreateHttpMessageHandler());
        return browser;
    }

    public Task<MeResponse> GetMeAsync() => GetMeAsync(Browser);

    public async Task<string> GetTextAsync(string path, TestBrowser? browser = null)
    {
        using var response = await (browser ?? Browser).SendAsync(new HttpRequestMessage(HttpMethod.Get, AppBase + path));
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    public static async Task<MeResponse> GetMeAsync(TestBrowser browser)
    {
        using var response = await browser.GetAsync(AppBase + "/me");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<MeResponse>(TestContext.Current.CancellationToken))!;
    }

    public async Task<HttpResponseMessage> SignOutAsync() =>
        await Browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, AppBase + "/signout"));

    public string AllLogText => string.Join("\n", Logs.Entries.Select(entry => entry.AllText));

    public async ValueTask DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable("LINODE_TEST_LOG_DIR") is { Length: > 0 } directory)
        {
            // Debugging aid: every log entry of the app under test, one file per test.
            await File.WriteAllTextAsync(Path.Combine(directory, (TestContext.Current.Test?.TestDisplayName ?? "test").GetHashCode(StringComparison.Ordinal).ToString("x8", System.Globalization.CultureInfo.InvariantCulture) + ".log"), (TestContext.Current.Test?.TestDisplayName ?? string.Empty) + "\n" + AllLogText);
        }

        Browser.Dispose();
        await _app.DisposeAsync();
        await Emulator.DisposeAsync();
    }

    private async Task BuildAsync(Action<LinodeOptions>? configure, Action<AuthenticationBuilder, LinodeTestHost>? addSchemes, IDictionary<string, string?>? settings)
    {
        // No file watchers: appsettings files are not read here, and a watcher per host exhausts the inotify instances
        // (128 per user on Linux) of a test process that runs the suite many times, as a mutation run does.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", Args = ["--hostBuilder:reloadConfigOnChange=false"] });
        builder.WebHost.UseTestServer(options => options.BaseAddress = new Uri(AppBase));
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>
        {
            ["Authentication:Schemes:Linode:ClientId"] = LinodeEmulatorClient.DefaultClientId,
            ["Authentication:Schemes:Linode:ClientSecret"] = LinodeEmulatorClient.DefaultClientSecret,
        });
        builder.Logging.ClearProviders().AddProvider(Logs).SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddSingleton<TimeProvider>(Time);
        builder.Services.AddSingleton<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>(new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider());

        var authentication = builder.Services
            .AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = LinodeDefaults.AuthenticationScheme;
            })
            .AddCookie(options => options.AccessDeniedPath = "/forbidden");
        builder.Services.AddAuthorization(options =>
        {
            options.AddPolicy("volumes", policy => policy.RequireLinodeScope(LinodeScopes.Volumes.ReadOnly));
            options.AddPolicy("admin-writer", policy => policy.RequireRole("admin").RequireLinodeScope(stepUp: true, LinodeScopes.Linodes.ReadWrite));
            options.AddPolicy("two", policy => policy.RequireLinodeScope(LinodeScopes.Linodes.ReadOnly, LinodeScopes.Volumes.ReadOnly));
        });
        if (Features.HasFlag(HostFeatures.StepUpConsent))
        {
            builder.Services.AddLinodeStepUpConsent();
        }

        if (Features.HasFlag(HostFeatures.BackchannelFromFactory))
        {
            builder.Services.AddHttpClient(LinodeDefaults.BackchannelHttpClientName).ConfigurePrimaryHttpMessageHandler(() => Emulator.CreateHttpMessageHandler());
        }
        if (addSchemes is null)
        {
            authentication.AddLinode(options =>
            {
                configure?.Invoke(options);
                Instrument(options);
            });
        }
        else
        {
            addSchemes(authentication, this);
        }

        builder.Services.AddHttpClient<LinodeInstancesClient>()
            .AddLinodeUserAccessToken()
            .ConfigurePrimaryHttpMessageHandler(() => Emulator.CreateHttpMessageHandler());

        _app = builder.Build();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapGet("/scoped/read", [LinodeScope(LinodeScopes.Linodes.ReadOnly)] () => "read ok");
        _app.MapGet("/scoped/write", () => "write ok").RequireLinodeScope(stepUp: true, LinodeScopes.Linodes.ReadWrite);
        _app.MapGet("/scoped/write-no-step-up", () => "write ok").RequireLinodeScope(LinodeScopes.Linodes.ReadWrite);
        _app.MapGet("/scoped/policy", () => "volumes ok").RequireAuthorization("volumes");
        _app.MapGet("/scoped/two-attribute", [LinodeScope(LinodeScopes.Linodes.ReadOnly, LinodeScopes.Volumes.ReadOnly)] () => "two ok");
        _app.MapGet("/scoped/two-endpoint", () => "two ok").RequireLinodeScope(LinodeScopes.Linodes.ReadOnly, LinodeScopes.Volumes.ReadOnly);
        _app.MapGet("/scoped/two-policy", () => "two ok").RequireAuthorization("two");
        _app.MapGet("/scoped/two-step-up", () => "two ok").RequireLinodeScope(stepUp: true, LinodeScopes.Linodes.ReadWrite, LinodeScopes.Volumes.ReadOnly);
        _app.MapGet("/scoped/mixed", () => "mixed ok").RequireLinodeScope(stepUp: true, LinodeScopes.Linodes.ReadWrite).RequireLinodeScope(LinodeScopes.Volumes.ReadOnly);
        _app.MapGet("/scoped/admin-writer", () => "admin ok").RequireAuthorization("admin-writer");
        _app.MapGet("/grant-write", async Task<IResult> (HttpContext context) =>
        {
            await context.ChallengeForScopesAsync([LinodeScopes.Linodes.ReadWrite], "/scoped/write");
            return Results.Empty;
        });
        _app.MapGet("/step-up-to", async Task<IResult> (HttpContext context, string? returnUrl) =>
        {
            try
            {
                await context.ChallengeForScopesAsync([LinodeScopes.Linodes.ReadWrite], returnUrl);
                return Results.Empty;
            }
            catch (ArgumentException)
            {
                return Results.Text("unsafe return URL", statusCode: 400);
            }
        });
        _app.MapGet("/challenge-to", (string? returnUrl) => Results.Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, [LinodeDefaults.AuthenticationScheme]));
        _app.MapGet("/forbidden", (string? returnUrl, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "missing_scopes")] string? missing) => Results.Text($"forbidden {returnUrl} missing={missing}", statusCode: 403));
        _app.MapGet("/me", async Task<IResult> (HttpContext context) =>
        {
            var result = await context.AuthenticateAsync();
            if (!result.Succeeded)
            {
                return Results.Challenge();
            }

            return Results.Json(new MeResponse(
                result.Principal!.Claims.Select(claim => new ClaimRow(claim.Type, claim.Value, claim.ValueType, claim.Issuer)).ToList(),
                result.Properties!.GetTokens().ToDictionary(token => token.Name, token => token.Value),
                result.Properties.Items.TryGetValue(".AuthScheme", out var scheme) ? scheme : null));
        });
        _app.MapGet("/identities", async Task<IResult> (HttpContext context) =>
        {
            var result = await context.AuthenticateAsync();
            return result.Succeeded
                ? Results.Json(result.Principal!.Identities.Select(identity => new IdentityRow(identity.IsAuthenticated, identity.FindAll(LinodeClaimTypes.Scope).Select(claim => claim.Value).ToList())).ToList())
                : Results.Challenge();
        });
        _app.MapGet("/challenge/{scheme}", (string scheme) => Results.Challenge(new AuthenticationProperties { RedirectUri = "/me" }, [scheme]));
        _app.MapGet("/challenge-scopes", () => Results.Challenge(
            new Microsoft.AspNetCore.Authentication.OAuth.OAuthChallengeProperties { RedirectUri = "/me", Scope = [LinodeScopes.Linodes.ReadWrite, LinodeScopes.Volumes.ReadOnly] },
            [LinodeDefaults.AuthenticationScheme]));
        _app.MapGet("/linodes", async Task<IResult> (LinodeInstancesClient client) =>
        {
            try
            {
                return Results.Text(string.Join(",", await client.GetLabelsAsync()));
            }
            catch (LinodeMissingScopeException exception)
            {
                return Results.Text($"missing-scope:{exception.RequiredScopes}|{exception.GrantedScopes}");
            }
            catch (LinodeInvalidTokenException exception)
            {
                return Results.Text($"invalid-token|{exception.Reason}|{exception.Message}");
            }
            catch (LinodeRateLimitedException exception)
            {
                return Results.Text($"rate-limited:{exception.RetryAfter?.TotalSeconds}");
            }
        });
        _app.MapGet("/token", async Task<IResult> (HttpContext context) => Results.Text(await context.GetLinodeAccessTokenAsync() ?? "none"));
        _app.MapPost("/signout", async Task<IResult> (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Text("signed out");
        });
        _app.MapPost("/revoke", async Task<IResult> (HttpContext context) => Results.Text((await context.RevokeLinodeTokenAsync()).ToString()));
        _app.MapPost("/local-signin", async Task<IResult> (HttpContext context) =>
        {
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "local")], "local");
            await context.SignInAsync(new ClaimsPrincipal(identity), new AuthenticationProperties(new Dictionary<string, string?> { [".AuthScheme"] = "NotLinode" }));
            return Results.Text("ok");
        });

        await _app.StartAsync(TestContext.Current.CancellationToken);
        var appHandler = _app.GetTestServer().CreateHandler();
        Browser.Route("app.test", appHandler);
        Browser.Route(LoginHost, Emulator.CreateHttpMessageHandler());
        Browser.Route(ApiHost, Emulator.CreateHttpMessageHandler());
    }

    /// <summary>One identity of the signed-in principal: whether it is authenticated and its scope claims.</summary>
    public sealed record IdentityRow(bool IsAuthenticated, List<string> Scopes);

    public sealed record ClaimRow(string Type, string Value, string ValueType, string Issuer);

    public sealed record MeResponse(List<ClaimRow> Claims, Dictionary<string, string> Tokens, string? Scheme)
    {
        public IEnumerable<string> ValuesOf(string type) => Claims.Where(claim => claim.Type == type).Select(claim => claim.Value);
    }
}
