using System.Net;
using Linode.AspNetCore.Authentication.Testing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Linode.AspNetCore.Authentication.Tests.Adoption;

/// <summary>
/// A user's test as the Testing package's guide writes it: an app exactly as its quick start configures it (nothing
/// emulator-specific in the app), <c>UseLinodeEmulator(server)</c> in one call, and <see cref="LinodeTestBrowser"/>
/// signing in over plain http (the correlation cookie is Secure) through the emulator's consent page.
/// </summary>
public sealed class EmulatorWiringTests
{
    private static async Task<(WebApplication App, LinodeEmulatorServer Server, LinodeTestBrowser Browser)> StartAsync(LinodeEmulatorConsentMode consent)
    {
        var emulator = new LinodeEmulator();
        emulator.Options.ConsentMode = consent;
        var server = await LinodeEmulatorServer.StartAsync(emulator, cancellationToken: TestContext.Current.CancellationToken);

        var builder = WebApplication.CreateBuilder(["--hostBuilder:reloadConfigOnChange=false"]);
        builder.WebHost.UseTestServer().UseLinodeEmulator(server);
        builder.Services
            .AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = LinodeDefaults.AuthenticationScheme;
            })
            .AddCookie()
            .AddLinode(options => options.Scope.Add(LinodeScopes.Linodes.ReadOnly));
        builder.Services.AddAuthorization();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/", (HttpContext context) => "Hello " + context.User.Identity!.Name).RequireAuthorization();
        app.MapPost("/signout", async Task<IResult> (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Text("signed out");
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var testServer = app.GetTestServer();
        return (app, server, new LinodeTestBrowser(testServer.CreateHandler(), testServer.BaseAddress, server));
    }

    [Theory]
    [InlineData(LinodeEmulatorConsentMode.Interactive)]
    [InlineData(LinodeEmulatorConsentMode.AutoApprove)]
    public async Task One_call_wires_the_app_and_the_browser_signs_in_as_the_chosen_user(LinodeEmulatorConsentMode consent)
    {
        var (app, server, browser) = await StartAsync(consent);
        await using var _ = app;
        await using var __ = server;
        using var ___ = browser;

        using var response = await browser.SignInWithLinodeAsync("/", "restrictedUser", [LinodeScopes.Linodes.ReadOnly], TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hello restrictedUser", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var token = Assert.Single(server.Emulator.Tokens);
        Assert.Equal("restrictedUser", token.User.Username);
        Assert.Equal([LinodeScopes.Linodes.ReadOnly], token.Scopes);
        Assert.Contains(browser.History, hop => hop.Url.AbsolutePath == "/signin-linode" && hop.Status == HttpStatusCode.Found);
        Assert.Null(server.Emulator.Options.ApprovingUser);
    }

    [Fact]
    public async Task Signing_out_revokes_the_token_at_the_emulator_through_the_configured_endpoint()
    {
        var (app, server, browser) = await StartAsync(LinodeEmulatorConsentMode.AutoApprove);
        await using var _ = app;
        await using var __ = server;
        using var ___ = browser;
        using (await browser.SignInWithLinodeAsync(cancellationToken: TestContext.Current.CancellationToken))
        {
        }

        using var signedOut = await browser.PostFormAsync("/signout", [], TestContext.Current.CancellationToken);

        Assert.Equal("signed out", await signedOut.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.False(server.Emulator.IsAccessTokenActive(Assert.Single(server.Emulator.Tokens).AccessToken));
        using var again = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Found, again.StatusCode);
        Assert.Equal(server.BaseAddress.Authority, again.Headers.Location!.Authority);
    }

    [Fact]
    public async Task The_browser_never_leaves_the_app_and_the_emulator()
    {
        var (app, server, browser) = await StartAsync(LinodeEmulatorConsentMode.AutoApprove);
        await using var _ = app;
        await using var __ = server;
        using var ___ = browser;

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => browser.GetAsync("https://login.linode.com/oauth/authorize", TestContext.Current.CancellationToken));

        Assert.Contains("only reaches the app", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_configuration_names_every_key_the_handler_needs()
    {
        await using var server = await LinodeEmulatorServer.StartAsync(new LinodeEmulator(), cancellationToken: TestContext.Current.CancellationToken);

        var settings = LinodeEmulatorConfiguration.For(server, "Work");

        Assert.Equal(
            ["AuthorizationEndpoint", "ClientId", "ClientSecret", "RevocationEndpoint", "TokenEndpoint", "UserInformationEndpoint"],
            settings.Keys.Where(key => key.StartsWith("Authentication:Schemes:Work:", StringComparison.Ordinal)).Select(key => key["Authentication:Schemes:Work:".Length..]).Order());
        Assert.Equal(server.BaseAddress + "v4/", settings["LinodeApi:BaseAddress"]);
        Assert.Equal(7, settings.Count);
        Assert.Equal(server.BaseAddress + "oauth/revoke", settings["Authentication:Schemes:Work:RevocationEndpoint"]);
        Assert.Equal(LinodeEmulatorClient.DefaultClientSecret, settings["Authentication:Schemes:Work:ClientSecret"]);
    }
}
