using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Linode.AspNetCore.Authentication.Tests.Api;

/// <summary>The API client's base address is Linode's v4 API unless the app configures another (a beta API, a proxy).</summary>
public sealed class ApiClientOptionsTests
{
    private static HttpClient Client(Action<LinodeApiClientOptions>? configure, string? configuredBaseAddress = null)
    {
        var services = new ServiceCollection();
        if (configuredBaseAddress is not null)
        {
            services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection([KeyValuePair.Create("LinodeApi:BaseAddress", (string?)configuredBaseAddress)]).Build());
        }

        services.AddHttpClient("linode").AddLinodeUserAccessToken(configure);
        return services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>().CreateClient("linode");
    }

    [Fact]
    public void The_base_address_is_Linodes_v4_API_by_default()
    {
        using var client = Client(configure: null);

        Assert.Equal(new Uri("https://api.linode.com/v4/"), client.BaseAddress);
        Assert.Equal("application/json", Assert.Single(client.DefaultRequestHeaders.Accept).MediaType);
    }

    [Fact]
    public void The_app_can_point_the_client_at_another_base_address()
    {
        using var client = Client(options => options.BaseAddress = new Uri("https://api.linode.com/v4beta/"));

        Assert.Equal(new Uri("https://api.linode.com/v4beta/"), client.BaseAddress);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5070/v4/", "http://127.0.0.1:5070/v4/")]
    [InlineData("http://localhost:5070/v4", "http://localhost:5070/v4/")]
    public void Configuration_sets_the_base_address_as_an_emulator_started_elsewhere_does(string configured, string expected)
    {
        using var client = Client(configure: null, configuredBaseAddress: configured);

        Assert.Equal(new Uri(expected), client.BaseAddress);
    }

    [Fact]
    public void The_apps_code_wins_over_configuration()
    {
        using var client = Client(options => options.BaseAddress = new Uri("https://api.linode.com/v4beta/"), configuredBaseAddress: "http://127.0.0.1:5070/v4/");

        Assert.Equal(new Uri("https://api.linode.com/v4beta/"), client.BaseAddress);
    }

    [Theory]
    [InlineData("/v4/")]
    [InlineData("ftp://example.com/v4/")]
    public void A_configured_base_address_that_is_not_an_http_URL_is_refused_naming_the_key(string configured)
    {
        var refused = Assert.Throws<OptionsValidationException>(() => Client(configure: null, configuredBaseAddress: configured));

        Assert.Contains($"'LinodeApi:BaseAddress' must be an absolute http(s) URL such as https://api.linode.com/v4/; it is '{configured}'.", refused.Message, StringComparison.Ordinal);
    }
}
