using System.Net.Http.Json;
using Linode.AspNetCore.Authentication.Testing;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace Linode.AspNetCore.Authentication.Tests.Tokens;

/// <summary>When a refresh is due (the window, inclusive to the tick) and what a refresh needs to run.</summary>
public sealed class RefreshWindowTests
{
    [Fact]
    public async Task The_window_is_inclusive_to_the_tick()
    {
        var (host, _) = await TokenRefreshTests.SignedInAsync();
        await using var _ = host;

        host.Time.Advance(TimeSpan.FromHours(2) - TimeSpan.FromMinutes(5) - TimeSpan.FromTicks(1));
        await host.GetMeAsync();
        Assert.Equal(0, TokenRefreshTests.RefreshGrants(host));

        host.Time.Advance(TimeSpan.FromTicks(1));
        await host.GetMeAsync();
        Assert.Equal(1, TokenRefreshTests.RefreshGrants(host));
    }

    [Fact]
    public void Refreshed_tokens_need_an_outcome_and_a_synchronization_needs_a_refresh_to_run()
    {
        Assert.Throws<ArgumentNullException>("result", () => new LinodeRefreshedTokens(null!, null, null, null, null));

        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        services.AddAuthentication().AddLinode();
        using var provider = services.BuildServiceProvider();
        var synchronization = provider.GetRequiredService<ILinodeTokenRefreshSynchronization>();
        Assert.Throws<ArgumentNullException>("refresh", () => { _ = synchronization.RefreshOnceAsync("Linode", "key", null!); });
    }
}
