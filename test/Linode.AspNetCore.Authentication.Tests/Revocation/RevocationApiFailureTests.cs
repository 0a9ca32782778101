using Linode.AspNetCore.Authentication.Testing;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Linode.AspNetCore.Authentication.Tests.Revocation;

/// <summary>The revocation API's edges: a scheme that is not Linode's, Linode's API error shape, a network failure.</summary>
public sealed class RevocationApiFailureTests
{
    [Fact]
    public async Task Revoking_with_a_scheme_that_is_not_a_Linode_scheme_throws_naming_it()
    {
        await using var host = await LinodeTestHost.StartAsync();
        var revoker = host.Services.GetRequiredService<ILinodeTokenRevoker>();

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => revoker.RevokeAsync(new DefaultHttpContext { RequestServices = host.Services }, "Cookies", "token", TestContext.Current.CancellationToken));

        Assert.Equal("'Cookies' is not a Linode authentication scheme registered with AddLinode().", exception.Message);
        Assert.Empty(host.Emulator.RequestsTo(LinodeEmulatorEndpoint.Revoke));
    }

    [Fact]
    public async Task Linodes_api_error_shape_gives_the_status_and_no_free_text()
    {
        await using var host = await LinodeTestHost.StartAsync();
        using (await host.SignInAsync())
        {
        }

        host.Emulator.Faults.Add(LinodeEmulatorEndpoint.Revoke, LinodeEmulatorFault.Status(401, "{\"errors\":[{\"reason\":\"Invalid client credentials\"}]}"));
        using (await host.SignOutAsync())
        {
        }

        var result = Assert.Single(host.Revocations);
        Assert.Equal(LinodeTokenRevocationOutcome.Failed, result.Outcome);
        Assert.Equal(401, result.StatusCode);
        Assert.Null(result.Error);
        Assert.Contains(host.Logs.Linode, entry => entry.EventId.Id == 5011 && entry.Message.Contains("HTTP 401, error code 'none'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_network_failure_is_reported_as_unreachable()
    {
        await using var host = await LinodeTestHost.StartAsync(addSchemes: (authentication, test) => authentication.AddLinode(options =>
        {
            test.Instrument(options);
            options.BackchannelHttpHandler = new RefusingPath("/oauth/revoke", test.Emulator.CreateHttpMessageHandler());
        }));
        using (await host.SignInAsync())
        {
        }

        using (await host.SignOutAsync())
        {
        }

        var result = Assert.Single(host.Revocations);
        Assert.Equal(LinodeTokenRevocationOutcome.Failed, result.Outcome);
        Assert.Null(result.StatusCode);
        Assert.Equal("unreachable", result.Error);
        Assert.StartsWith("Revoking the Linode token of scheme 'Linode' failed: unreachable. The local sign-out goes on.", Assert.Single(host.Logs.Linode, entry => entry.EventId.Id == 5015).Message, StringComparison.Ordinal);
        Assert.StartsWith("Linode's revocation endpoint could not be reached: the connection failed.", Assert.Single(host.Logs.Linode, entry => entry.EventId.Id == 5002).Message, StringComparison.Ordinal);
    }
}
