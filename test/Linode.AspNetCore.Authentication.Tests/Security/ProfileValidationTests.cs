using System.Net;
using Linode.AspNetCore.Authentication.Testing;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;

namespace Linode.AspNetCore.Authentication.Tests.Security;

/// <summary>A profile whose <c>uid</c> is not a number or a non-empty string fails the sign-in with a clear error instead of
/// signing a user in under a junk name identifier.</summary>
public sealed class ProfileValidationTests
{
    [Theory]
    [InlineData("{\"uid\":{\"id\":1},\"username\":\"u\"}")]
    [InlineData("{\"uid\":[1234],\"username\":\"u\"}")]
    [InlineData("{\"uid\":null,\"username\":\"u\"}")]
    [InlineData("{\"uid\":true,\"username\":\"u\"}")]
    [InlineData("{\"uid\":\"\",\"username\":\"u\"}")]
    [InlineData("{\"uid\":1.5,\"username\":\"u\"}")]
    [InlineData("{\"username\":\"u\"}")]
    public async Task A_profile_without_a_usable_uid_fails_the_sign_in(string profile)
    {
        var emulator = LinodeTestHost.NewEmulator();
        emulator.Faults.Add(LinodeEmulatorEndpoint.Profile, LinodeEmulatorFault.Status(200, profile));
        await using var host = await LinodeTestHost.StartAsync(emulator: emulator);

        using var response = await host.SignInAsync();
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Sign-in with Linode failed. Linode's profile endpoint answered 200 without a JSON profile carrying a uid.\n", body);
        Assert.Equal("invalid_profile_response", Assert.Single(host.Failures).Data["error"]);
        Assert.DoesNotContain(host.Browser.Cookies.GetAllCookies(), cookie => cookie.Name == ".AspNetCore.Cookies" && !cookie.Expired);
    }

    [Theory]
    [InlineData("{\"uid\":1234,\"username\":\"u\"}", "1234")]
    [InlineData("{\"uid\":\"1234\",\"username\":\"u\"}", "1234")]
    public async Task A_numeric_or_string_uid_is_the_name_identifier(string profile, string expected)
    {
        var emulator = LinodeTestHost.NewEmulator();
        emulator.Faults.Add(LinodeEmulatorEndpoint.Profile, LinodeEmulatorFault.Status(200, profile));
        await using var host = await LinodeTestHost.StartAsync(emulator: emulator);

        var me = await host.GetMeAsync();

        Assert.Equal(expected, Assert.Single(me.ValuesOf(System.Security.Claims.ClaimTypes.NameIdentifier)));
    }
}
