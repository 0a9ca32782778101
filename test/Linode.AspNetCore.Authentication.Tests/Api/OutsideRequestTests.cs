using Microsoft.Extensions.DependencyInjection;

namespace Linode.AspNetCore.Authentication.Tests.Api;

/// <summary>A user-token client acts for the signed-in user of the current request: used outside one (a background job),
/// it refuses with a message saying so, and nothing is sent.</summary>
public sealed class OutsideRequestTests
{
    private sealed class NothingMayBeSent : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("A request was sent.");
    }

    [Fact]
    public async Task A_user_token_client_used_outside_a_request_refuses_before_sending()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddHttpClient("linode").AddLinodeUserAccessToken().ConfigurePrimaryHttpMessageHandler(() => new NothingMayBeSent());
        await using var provider = services.BuildServiceProvider();
        using var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("linode");

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetAsync("linode/instances", TestContext.Current.CancellationToken));

        Assert.Equal("A Linode user-token HttpClient was used outside an HTTP request and outside a Blazor circuit; there is no signed-in user to act for. Code without either (a hosted service) asks LinodeUserTokens for the token of a user it kept.", exception.Message);
    }
}
