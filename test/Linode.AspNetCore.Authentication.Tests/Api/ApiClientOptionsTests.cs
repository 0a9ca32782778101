using Microsoft.Extensions.DependencyInjection;

namespace Linode.AspNetCore.Authentication.Tests.Api;

/// <summary>The API client's base address is Linode's v4 API unless the app configures another (a beta API, a proxy).</summary>
public sealed class ApiClientOptionsTests
{
    private static HttpClient Client(Action<LinodeApiClientOptions>? configure)
    {
        var services = new ServiceCollection();
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
}
