using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Linode.AspNetCore.Authentication.Tests.Configuration;

/// <summary><c>AddLinode</c> registers everything its scheme needs, so it also works in a plain DI container (a worker, a
/// test, an app built without the web host, which registers metrics and a clock by itself).</summary>
public sealed class PlainContainerTests
{
    [Fact]
    public async Task A_plain_service_collection_resolves_the_scheme_its_meter_and_its_clock()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddAuthentication().AddCookie().AddLinode(options =>
        {
            options.ClientId = "client-id";
            options.ClientSecret = "client-secret";
        });
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var options = provider.GetRequiredService<IOptionsMonitor<LinodeOptions>>().Get(LinodeDefaults.AuthenticationScheme);
        var scheme = await provider.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(LinodeDefaults.AuthenticationScheme);

        Assert.Same(provider.GetRequiredService<LinodeInstrumentation>(), options.Instrumentation);
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.Equal(typeof(LinodeHandler), scheme!.HandlerType);
        Assert.Equal(LinodeDefaults.DisplayName, scheme.DisplayName);
        Assert.Equal("Linode", LinodeDefaults.DisplayName);
    }

    [Fact]
    public void An_apps_own_clock_is_kept()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(clock);
        services.AddAuthentication().AddLinode();

        using var provider = services.BuildServiceProvider();

        Assert.Same(clock, provider.GetRequiredService<TimeProvider>());
    }
}
