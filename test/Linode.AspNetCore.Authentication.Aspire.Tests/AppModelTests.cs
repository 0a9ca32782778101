using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Linode.AspNetCore.Authentication.Aspire.Tests;

/// <summary>The integration's application model, without starting anything: how the emulator runs, what a referencing
/// project and the emulator are given, and what is refused.</summary>
public sealed class AppModelTests
{
    [Fact]
    public async Task The_emulator_runs_the_tool_package_of_this_integrations_version_on_its_endpoints_target_port_with_a_health_check()
    {
        var builder = NewAppHost();
        var linode = builder.AddLinodeEmulator("linode", port: 5070);

        var args = await ArgumentsAsync(linode.Resource);

        Assert.Equal(("dotnet", builder.AppHostDirectory), (linode.Resource.Command, linode.Resource.WorkingDirectory));
        Assert.Equal(["tool", "exec", "Linode.AspNetCore.Authentication.EmulatorTool@0.1.0", "--yes", "--", "--port"], args[..^1]);
        var port = Assert.IsType<EndpointReferenceExpression>(args[^1]);
        Assert.Equal((EndpointProperty.TargetPort, "http"), (port.Property, port.Endpoint.EndpointName));
        var endpoint = Assert.Single(linode.Resource.Annotations.OfType<EndpointAnnotation>());
        Assert.Equal(("http", 5070), (endpoint.UriScheme, endpoint.Port));
        Assert.Single(linode.Resource.Annotations.OfType<HealthCheckAnnotation>());
        Assert.Empty(await EnvironmentAsync(linode.Resource)); // no project refers to it: the tool keeps its development client
    }

    [Fact]
    public async Task Another_version_and_package_sources_are_passed_to_dotnet_tool_exec()
    {
        var builder = NewAppHost();
        var linode = builder.AddLinodeEmulator("linode").WithToolVersion("0.2.0-preview.1").WithToolSource("/feed").WithToolSource("https://nuget.example/v3/index.json");

        var args = await ArgumentsAsync(linode.Resource);

        Assert.Equal(["tool", "exec", "Linode.AspNetCore.Authentication.EmulatorTool@0.2.0-preview.1", "--yes", "--add-source", "/feed", "--add-source", "https://nuget.example/v3/index.json", "--", "--port"], args[..^1]);
    }

    [Fact]
    public async Task From_a_project_it_runs_dotnet_run_on_that_project()
    {
        var builder = NewAppHost();
        var linode = builder.AddLinodeEmulator("linode").WithToolProject<Projects.Linode_AspNetCore_Authentication_EmulatorTool>();

        var args = await ArgumentsAsync(linode.Resource);

        Assert.Equal(["run", "--project", new Projects.Linode_AspNetCore_Authentication_EmulatorTool().ProjectPath, "--no-launch-profile", "-c"], args[..5]);
        Assert.Equal(["--", "--port"], args[^3..^1]);
    }

    [Fact]
    public async Task A_referencing_project_gets_a_client_of_its_own_the_endpoints_the_API_root_and_waits_for_the_emulator()
    {
        var builder = NewAppHost();
        var linode = builder.AddLinodeEmulator("linode");
        var web = builder.AddProject<Projects.WebSample>("web").WithHttpsEndpoint(name: "https").WithReference(linode);
        var admin = builder.AddProject<Projects.WebSample>("admin").WithReference(linode, scheme: "Work", callbackPath: "/signin-work");

        var webSettings = await EnvironmentAsync(web.Resource);
        var adminSettings = await EnvironmentAsync(admin.Resource);
        var emulatorSettings = await EnvironmentAsync(linode.Resource);

        Assert.Equal("web", webSettings["Authentication__Schemes__Linode__ClientId"]);
        Assert.Equal("admin", adminSettings["Authentication__Schemes__Work__ClientId"]);
        Assert.Equal("/signin-work", adminSettings["Authentication__Schemes__Work__CallbackPath"]);
        Assert.Matches("^[0-9a-f]{64}$", (string)webSettings["Authentication__Schemes__Linode__ClientSecret"]);
        Assert.NotEqual(webSettings["Authentication__Schemes__Linode__ClientSecret"], adminSettings["Authentication__Schemes__Work__ClientSecret"]);
        Assert.Equal("{linode.bindings.http.url}/oauth/authorize", Expression(webSettings["Authentication__Schemes__Linode__AuthorizationEndpoint"]));
        Assert.Equal("{linode.bindings.http.url}/oauth/token", Expression(webSettings["Authentication__Schemes__Linode__TokenEndpoint"]));
        Assert.Equal("{linode.bindings.http.url}/v4/profile", Expression(webSettings["Authentication__Schemes__Linode__UserInformationEndpoint"]));
        Assert.Equal("{linode.bindings.http.url}/oauth/revoke", Expression(webSettings["Authentication__Schemes__Linode__RevocationEndpoint"]));
        Assert.Equal("{linode.bindings.http.url}/v4/", Expression(webSettings["LinodeApi__BaseAddress"]));

        // The emulator registers both, each with the same secret and a callback on the project's https endpoint when it has one.
        Assert.Equal("web", emulatorSettings["LinodeEmulator__Clients__0__ClientId"]);
        Assert.Equal(webSettings["Authentication__Schemes__Linode__ClientSecret"], emulatorSettings["LinodeEmulator__Clients__0__ClientSecret"]);
        Assert.Equal("{web.bindings.https.url}/signin-linode", Expression(emulatorSettings["LinodeEmulator__Clients__0__RedirectUri"]));
        Assert.Equal("admin", emulatorSettings["LinodeEmulator__Clients__1__ClientId"]);
        Assert.Equal("{admin.bindings.http.url}/signin-work", Expression(emulatorSettings["LinodeEmulator__Clients__1__RedirectUri"]));
        Assert.Contains(web.Resource.Annotations.OfType<WaitAnnotation>(), wait => wait.Resource == linode.Resource);
    }

    [Fact]
    public async Task A_real_client_gives_the_same_keys_from_its_parameters_and_nothing_else()
    {
        var builder = NewAppHost();
        IResourceBuilder<ILinodeResource> linode = builder.AddLinodeClient("linode");
        var web = builder.AddProject<Projects.WebSample>("web").WithReference(linode);

        var settings = await EnvironmentAsync(web.Resource);

        var client = (LinodeClientResource)linode.Resource;
        Assert.Equal(("linode-client-id", false), (client.ClientId.Name, client.ClientId.Secret));
        Assert.Equal(("linode-client-secret", true), (client.ClientSecret.Name, client.ClientSecret.Secret));
        Assert.Same(client.ClientId, settings["Authentication__Schemes__Linode__ClientId"]);
        Assert.Same(client.ClientSecret, settings["Authentication__Schemes__Linode__ClientSecret"]);
        Assert.Equal(["Authentication__Schemes__Linode__CallbackPath", "Authentication__Schemes__Linode__ClientId", "Authentication__Schemes__Linode__ClientSecret"], settings.Keys.Where(key => key.Contains("Linode", StringComparison.Ordinal)).Order());
        Assert.DoesNotContain(web.Resource.Annotations.OfType<WaitAnnotation>(), wait => wait.Resource == linode.Resource);
    }

    [Fact]
    public void What_cannot_work_is_refused_when_the_app_host_is_built()
    {
        var builder = NewAppHost();
        var plain = builder.AddParameter("plain-secret");
        var linode = builder.AddLinodeEmulator("linode");
        var web = builder.AddProject<Projects.WebSample>("web");

        Assert.Contains("must be a secret parameter", Assert.Throws<ArgumentException>(() => builder.AddLinodeClient("real", clientSecret: plain)).Message, StringComparison.Ordinal);
        Assert.Contains("must start with '/'", Assert.Throws<ArgumentException>(() => web.WithReference(linode, callbackPath: "signin-linode")).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => linode.WithAccessTokenLifetime(TimeSpan.Zero));
        Assert.Throws<ArgumentException>(() => linode.WithToolSource(""));
    }

    [Fact]
    public async Task Consent_and_token_lifetime_are_the_tools_settings()
    {
        var builder = NewAppHost();
        var linode = builder.AddLinodeEmulator("linode").WithConsent(LinodeEmulatorConsent.AutoApprove).WithAccessTokenLifetime(TimeSpan.FromMinutes(5.5));

        var settings = await EnvironmentAsync(linode.Resource);

        Assert.Equal("AutoApprove", settings["LinodeEmulator__ConsentMode"]);
        Assert.Equal("00:05:30", settings["LinodeEmulator__AccessTokenLifetime"]);
    }

    private static IDistributedApplicationBuilder NewAppHost() =>
        DistributedApplication.CreateBuilder(new DistributedApplicationOptions { DisableDashboard = true, AssemblyName = typeof(AppModelTests).Assembly.GetName().Name });

    private static async Task<List<object>> ArgumentsAsync(LinodeEmulatorResource resource)
    {
        var args = new List<object>();
        var context = new CommandLineArgsCallbackContext(args, TestContext.Current.CancellationToken);
        foreach (var callback in resource.Annotations.OfType<CommandLineArgsCallbackAnnotation>())
        {
            await callback.Callback(context);
        }

        return args;
    }

    private static async Task<Dictionary<string, object>> EnvironmentAsync(IResourceWithEnvironment resource)
    {
        var environment = new Dictionary<string, object>();
        var context = new EnvironmentCallbackContext(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run), environment, TestContext.Current.CancellationToken);
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(context);
        }

        return environment.Where(pair => pair.Key.StartsWith("Authentication__", StringComparison.Ordinal) || pair.Key.StartsWith("Linode", StringComparison.Ordinal)).ToDictionary();
    }

    private static string Expression(object value) => Assert.IsType<ReferenceExpression>(value).ValueExpression;
}
