using System.Net;
using Linode.AspNetCore.Authentication.Testing;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;

namespace Linode.AspNetCore.Authentication.Tests.SignIn;

/// <summary>Linode redirects the browser back with a GET. The callback answers any other method 405 without exchanging
/// the code or consuming the state, so the real GET that follows still signs the user in.</summary>
public sealed class CallbackMethodTests
{
    public static TheoryData<string> OtherMethods => new() { "HEAD", "POST", "PUT", "DELETE", "PATCH", "TRACE", "OPTIONS", "FROB" };

    [Theory]
    [MemberData(nameof(OtherMethods))]
    public async Task A_callback_with_another_method_is_405_and_leaves_the_sign_in_to_the_GET(string method)
    {
        await using var host = await LinodeTestHost.StartAsync();
        using var redirect = await host.Browser.GetAsync(LinodeTestHost.AppBase + "/me", stopAt: uri => uri.AbsolutePath == "/signin-linode");
        var callback = redirect.Headers.Location!;
        Assert.Equal("/signin-linode", callback.AbsolutePath);

        using var refused = await host.Browser.SendAsync(new HttpRequestMessage(new HttpMethod(method), callback));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, refused.StatusCode);
        Assert.Equal(["GET"], refused.Content.Headers.Allow);
        Assert.False(refused.Headers.Contains("Set-Cookie"));
        Assert.Empty(host.Emulator.RequestsTo(LinodeEmulatorEndpoint.Token));
        Assert.Contains(host.Logs.Entries, entry => entry.EventId.Id == 5032 && entry.AllText.Contains(method, StringComparison.Ordinal));

        using var signedIn = await host.Browser.GetAsync(callback.ToString());
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Single(host.Emulator.RequestsTo(LinodeEmulatorEndpoint.Token));
        Assert.Equal("exampleUser", (await host.GetMeAsync()).ValuesOf(System.Security.Claims.ClaimTypes.Name).Single());
    }
}
