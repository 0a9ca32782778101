using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Linode.AspNetCore.Authentication.Tests.Configuration;

/// <summary><c>AddLinode</c> (after <c>AddAuthentication</c>, which brings the clock and the metrics services) registers
/// everything its scheme needs, so it also works in a plain DI container: a worker, a test, an app without the web host.</summary>
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
    public void AddLinode_refuses_a_missing_builder_scheme_or_delegate_naming_it()
    {
        var builder = new ServiceCollection().AddAuthentication();

        Assert.Equal("builder", Assert.Throws<ArgumentNullException>(() => LinodeExtensions.AddLinode(null!, "Linode", null, _ => { })).ParamName);
        Assert.Equal("authenticationScheme", Assert.Throws<ArgumentException>(() => builder.AddLinode(string.Empty, null, _ => { })).ParamName);
        Assert.Equal("authenticationScheme", Assert.Throws<ArgumentNullException>(() => builder.AddLinode(null!, null, _ => { })).ParamName);
        Assert.Equal("configureOptions", Assert.Throws<ArgumentNullException>(() => builder.AddLinode("Linode", null, null!)).ParamName);
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
