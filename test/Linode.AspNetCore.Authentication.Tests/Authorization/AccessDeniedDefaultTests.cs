using System.Net;
using Linode.AspNetCore.Authentication.Internal;
using Linode.AspNetCore.Authentication.Testing;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Linode.AspNetCore.Authentication.Tests.Authorization;

/// <summary>A user forbidden for a missing Linode scope in an app with no access-denied page (a minimal-API app) gets a
/// 403 that names the scopes, not a redirect to a 404; an app with such a page, or with its own redirect, keeps it.</summary>
public sealed class AccessDeniedDefaultTests
{
    [Fact]
    public async Task Without_an_access_denied_page_the_answer_is_403_naming_the_missing_scopes()
    {
        await using var app = await MinimalApp.StartAsync();
        using var browser = await app.SignInAsync();

        using var response = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/manage"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("Forbidden: this needs access to your Linode account that was not granted to this app (linodes:read_write, volumes:read_only).",
            await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("/Account/AccessDenied", null)]
    [InlineData("/account/accessdenied/", null)]
    [InlineData("/no-entry", "/no-entry")]
    public async Task With_a_page_at_the_access_denied_path_the_user_is_sent_there_with_the_scopes(string page, string? accessDeniedPath)
    {
        await using var app = await MinimalApp.StartAsync(accessDeniedPage: page, accessDeniedPath: accessDeniedPath);
        using var browser = await app.SignInAsync();

        using var response = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/manage"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal((accessDeniedPath ?? "/Account/AccessDenied").ToUpperInvariant(), response.Headers.Location!.AbsolutePath.ToUpperInvariant());
        Assert.Equal("linodes:read_write,volumes:read_only", QueryHelpers.ParseQuery(response.Headers.Location.Query)["missing_scopes"].ToString());
    }

    [Fact]
    public async Task An_apps_own_redirect_to_access_denied_runs_with_the_scopes_named()
    {
        string? redirectUri = null;
        await using var app = await MinimalApp.StartAsync(ownRedirect: context =>
        {
            redirectUri = context.RedirectUri;
            context.Response.StatusCode = StatusCodes.Status418ImATeapot;
            return Task.CompletedTask;
        });
        using var browser = await app.SignInAsync();

        using var response = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/manage"), TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode)418, response.StatusCode);
        Assert.Equal("linodes:read_write,volumes:read_only", QueryHelpers.ParseQuery(new Uri(redirectUri!).Query)["missing_scopes"].ToString());
    }

    [Fact]
    public async Task A_forbid_that_is_not_about_Linode_scopes_keeps_the_platforms_redirect()
    {
        await using var app = await MinimalApp.StartAsync();
        using var browser = await app.SignInAsync();

        using var response = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/admins"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/Account/AccessDenied", response.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [InlineData("/Account/AccessDenied", null, "Account", "AccessDenied", true)]
    [InlineData("/account/accessdenied", null, "Account", "AccessDenied", true)]
    [InlineData("/Account/AccessDenied", null, "Account", "Login", false)]
    [InlineData("/Account/AccessDenied", null, "Home", "AccessDenied", false)]
    [InlineData("/Admin/Account/AccessDenied", "Admin", "Account", "AccessDenied", true)]
    [InlineData("/Account/AccessDenied", "Admin", "Account", "AccessDenied", false)]
    [InlineData("/AccessDenied", null, "Account", "AccessDenied", false)]
    public void An_MVC_action_on_a_conventional_route_counts_as_the_page(string path, string? area, string controller, string action, bool exists)
    {
        var pattern = RoutePatternFactory.Parse("{area:exists}/{controller=Home}/{action=Index}/{id?}", defaults: null, parameterPolicies: null,
            requiredValues: new RouteValueDictionary { ["area"] = area, ["controller"] = controller, ["action"] = action });
        var endpoint = new RouteEndpoint(_ => Task.CompletedTask, pattern, 0, EndpointMetadataCollection.Empty, "action");
        var context = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddSingleton<EndpointDataSource>(new DefaultEndpointDataSource(endpoint)).BuildServiceProvider(),
        };

        Assert.Equal(exists, LinodeAccessDeniedPage.Exists(context, path));
    }

    /// <summary>The quick start's shape: a minimal-API app whose /manage needs two scopes the user did not grant.</summary>
    private sealed class MinimalApp : IAsyncDisposable
    {
        private MinimalApp(WebApplication app, LinodeEmulatorServer emulator) => (App, Emulator) = (app, emulator);

        private WebApplication App { get; }

        private LinodeEmulatorServer Emulator { get; }

        public static async Task<MinimalApp> StartAsync(string? accessDeniedPage = null, string? accessDeniedPath = null, Func<Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions>, Task>? ownRedirect = null)
        {
            var emulator = await LinodeEmulatorServer.StartAsync(new LinodeEmulator(), cancellationToken: TestContext.Current.CancellationToken);
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseTestServer();
            builder.Configuration.AddInMemoryCollection(LinodeEmulatorConfiguration.For(emulator));
            builder.Services
                .AddAuthentication(options =>
                {
                    options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                    options.DefaultChallengeScheme = LinodeDefaults.AuthenticationScheme;
                })
                .AddCookie(options =>
                {
                    if (accessDeniedPath is not null)
                    {
                        options.AccessDeniedPath = accessDeniedPath;
                    }

                    if (ownRedirect is not null)
                    {
                        options.Events.OnRedirectToAccessDenied = ownRedirect;
                    }
                })
                .AddLinode(options => options.Scope.Add(LinodeScopes.Linodes.ReadOnly));
            builder.Services.AddAuthorization(options => options.AddPolicy("admins", policy => policy.RequireRole("admin")));
            var app = builder.Build();
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapGet("/signin", () => Results.Challenge(new() { RedirectUri = "/" }, [LinodeDefaults.AuthenticationScheme]));
            app.MapGet("/", () => "home").RequireAuthorization();
            app.MapGet("/manage", () => "manage").RequireLinodeScope(LinodeScopes.Linodes.ReadWrite, LinodeScopes.Volumes.ReadOnly);
            app.MapGet("/admins", () => "admins").RequireAuthorization("admins");
            if (accessDeniedPage is not null)
            {
                app.MapGet(accessDeniedPage, () => "no entry");
            }

            await app.StartAsync(TestContext.Current.CancellationToken);
            return new MinimalApp(app, emulator);
        }

        public async Task<LinodeTestBrowser> SignInAsync()
        {
            var browser = new LinodeTestBrowser(App.GetTestServer().CreateHandler(), new Uri("http://localhost/"), Emulator);
            using var page = await browser.SignInWithLinodeAsync("/signin", cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal("home", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            return browser;
        }

        public async ValueTask DisposeAsync()
        {
            await App.DisposeAsync();
            await Emulator.DisposeAsync();
        }
    }
}
