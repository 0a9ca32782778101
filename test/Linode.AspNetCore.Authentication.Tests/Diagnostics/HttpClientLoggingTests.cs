using Linode.AspNetCore.Authentication.Testing;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Linode.AspNetCore.Authentication.Tests.Diagnostics;

/// <summary>
/// The package's own logger of its HTTP clients (category <c>Linode.AspNetCore.Authentication.Http</c>): a request
/// starting at Trace (5040), answered at Debug with its status (5041), failed at Debug with the exception (5042) — each
/// with the client's name, the method and the address without its query.
/// </summary>
public sealed class HttpClientLoggingTests
{
    private const string Category = "Linode.AspNetCore.Authentication.Http";
    private const string Client = "HTTP client '" + LinodeDefaults.BackchannelHttpClientName + "'";

    [Fact]
    public async Task Each_back_channel_request_is_logged_when_sent_and_when_answered()
    {
        await using var host = await LinodeTestHost.StartAsync(features: LinodeTestHost.HostFeatures.BackchannelFromFactory);

        using (await host.SignInAsync())
        {
        }

        var entries = host.Logs.Entries.Where(entry => entry.Category == Category).ToList();
        Assert.Contains(entries, entry => entry.EventId.Id == 5040 && entry.Level == LogLevel.Trace
            && entry.Message.StartsWith(Client + " sending POST https://login.linode.com/oauth/token.", StringComparison.Ordinal));
        Assert.Contains(entries, entry => entry.EventId.Id == 5041 && entry.Level == LogLevel.Debug
            && entry.Message.StartsWith(Client + " received 200 for POST https://login.linode.com/oauth/token after ", StringComparison.Ordinal));
        Assert.Contains(entries, entry => entry.EventId.Id == 5041
            && entry.Message.StartsWith(Client + " received 200 for GET https://api.linode.com/v4/profile after ", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, entry => entry.EventId.Id == 5042);
    }

    [Fact]
    public async Task A_request_that_fails_is_logged_at_debug_with_its_exception()
    {
        var emulator = LinodeTestHost.NewEmulator();
        emulator.Faults.Add(LinodeEmulatorEndpoint.Profile, LinodeEmulatorFault.Slow(TimeSpan.FromSeconds(10)));
        await using var host = await LinodeTestHost.StartAsync(options => options.BackchannelTimeout = TimeSpan.FromMilliseconds(300), emulator: emulator, features: LinodeTestHost.HostFeatures.BackchannelFromFactory);

        using (await host.SignInAsync())
        {
        }

        var failed = Assert.Single(host.Logs.Entries, entry => entry.Category == Category && entry.EventId.Id == 5042);
        Assert.Equal(LogLevel.Debug, failed.Level);
        Assert.StartsWith(Client + " failed GET https://api.linode.com/v4/profile after ", failed.Message, StringComparison.Ordinal);
        Assert.NotNull(failed.Exception);
        Assert.Equal("timeout", Assert.Single(host.Failures).Data["error"]);
    }
}
