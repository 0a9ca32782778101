using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;

namespace Linode.AspNetCore.Authentication.Testing.Tests.Browser;

/// <summary>The ways an app hosts or points at the emulator: its own loopback server (stopped for good when disposed),
/// mounted under a path of the app, the web host's settings, and the endpoints named from a base address.</summary>
public sealed class HostingTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5123", "http://127.0.0.1:5123/")]
    [InlineData("http://localhost:5000/linode-emulator", "http://localhost:5000/linode-emulator/")]
    [InlineData("http://localhost:5000/linode-emulator/", "http://localhost:5000/linode-emulator/")]
    public void Endpoints_are_named_from_a_base_address_with_or_without_a_trailing_slash(string baseAddress, string root)
    {
        var endpoints = LinodeEmulatorEndpoints.For(new Uri(baseAddress));

        Assert.Equal(new Uri(root), endpoints.BaseAddress);
        Assert.Equal(new Uri(root + "oauth/authorize"), endpoints.Authorization);
        Assert.Equal(new Uri(root + "oauth/token"), endpoints.Token);
        Assert.Equal(new Uri(root + "oauth/revoke"), endpoints.Revocation);
        Assert.Equal(new Uri(root + "oauth/token/expire"), endpoints.LegacyTokenExpiration);
        Assert.Equal(new Uri(root + "v4/"), endpoints.Api);
        Assert.Equal(new Uri(root + "v4/profile"), endpoints.Profile);
        Assert.Throws<ArgumentNullException>(() => LinodeEmulatorEndpoints.For(null!));
    }

    [Fact]
    public async Task A_disposed_server_no_longer_answers()
    {
        var server = await LinodeEmulatorServer.StartAsync(new LinodeEmulator(), cancellationToken: TestContext.Current.CancellationToken);
        using var http = new HttpClient();
        using (var before = await http.GetAsync(new Uri(server.Endpoints.Api, "regions"), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await server.DisposeAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri(server.Endpoints.Api, "regions"), TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ArgumentNullException>(() => LinodeEmulatorServer.StartAsync(null!, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_emulator_mounted_under_a_path_answers_there_and_nowhere_else()
    {
        await using var app = await StartAppAsync(app =>
        {
            app.UseLinodeEmulator("/linode-emulator", new LinodeEmulator());
            app.Run(context => context.Response.WriteAsync("the app"));
        });
        using var http = app.GetTestClient();

        using var mounted = await http.GetAsync("/linode-emulator/v4/regions", TestContext.Current.CancellationToken);
        using var elsewhere = await http.GetAsync("/v4/regions", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, mounted.StatusCode);
        Assert.Contains("\"us-east\"", await mounted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal("the app", await elsewhere.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentNullException>(() => ((IApplicationBuilder)null!).UseLinodeEmulator("/x", new LinodeEmulator()));
        Assert.Throws<ArgumentNullException>(() => app.UseLinodeEmulator("/x", null!));
    }

    [Fact]
    public async Task The_web_host_gets_the_schemes_settings_from_the_emulator()
    {
        await using var server = await LinodeEmulatorServer.StartAsync(new LinodeEmulator(), cancellationToken: TestContext.Current.CancellationToken);
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer().UseLinodeEmulator(server, "Other");
        await using var app = builder.Build();

        Assert.Equal(LinodeEmulatorClient.DefaultClientId, app.Configuration["Authentication:Schemes:Other:ClientId"]);
        Assert.Equal(server.Endpoints.Token.AbsoluteUri, app.Configuration["Authentication:Schemes:Other:TokenEndpoint"]);
        Assert.Null(app.Configuration["Authentication:Schemes:Linode:ClientId"]);
        Assert.Throws<ArgumentNullException>(() => ((IWebHostBuilder)null!).UseLinodeEmulator(server));
    }

    [Fact]
    public async Task Mounted_in_an_app_whose_own_routing_matched_a_fallback_the_emulator_still_routes_its_requests()
    {
        await using var app = await StartAppAsync(app =>
        {
            app.UseRouting();
            app.UseLinodeEmulator("/linode-emulator", new LinodeEmulator());
            app.MapFallback(context => context.Response.WriteAsync("the app's fallback"));
        });
        using var http = app.GetTestClient();

        using var regions = await http.GetAsync("/linode-emulator/v4/regions", TestContext.Current.CancellationToken);
        using var unknown = await http.GetAsync("/linode-emulator/v4/nothing-here", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, regions.StatusCode);
        Assert.Contains("\"data\"", await regions.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("\"reason\":\"Not found\"", await unknown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    /// <summary>An app on a test server, its pipeline built by <paramref name="configure"/>, started.</summary>
    private static async Task<WebApplication> StartAppAsync(Action<WebApplication> configure)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        var app = builder.Build();
        configure(app);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }
}
