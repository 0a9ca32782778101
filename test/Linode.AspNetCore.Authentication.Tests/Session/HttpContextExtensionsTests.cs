using Linode.AspNetCore.Authentication.Testing;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Linode.AspNetCore.Authentication.Tests.Session;

/// <summary>
/// The <see cref="HttpContext"/> helpers outside a signed-in Linode session: they check their arguments, refuse an unsafe
/// return URL with a message naming the rule, and report "not signed in with Linode" instead of calling Linode.
/// </summary>
public sealed class HttpContextExtensionsTests
{
    [Fact]
    public async Task The_helpers_check_their_arguments()
    {
        await using var host = await LinodeTestHost.StartAsync();
        var context = new DefaultHttpContext { RequestServices = host.Services };

        Assert.Equal("context", (await Assert.ThrowsAsync<ArgumentNullException>(() => LinodeHttpContextExtensions.ChallengeForScopesAsync(null!, ["linodes:read_only"]))).ParamName);
        Assert.Equal("scopes", (await Assert.ThrowsAsync<ArgumentNullException>(() => context.ChallengeForScopesAsync(null!))).ParamName);
        Assert.Equal("context", (await Assert.ThrowsAsync<ArgumentNullException>(() => LinodeHttpContextExtensions.RevokeLinodeTokenAsync(null!))).ParamName);
        Assert.Equal("context", (await Assert.ThrowsAsync<ArgumentNullException>(() => LinodeHttpContextExtensions.GetLinodeAccessTokenAsync(null!))).ParamName);
        Assert.Empty(host.Emulator.Requests);
    }

    [Fact]
    public async Task An_unsafe_return_url_is_refused_with_the_rule_it_breaks()
    {
        await using var host = await LinodeTestHost.StartAsync();
        var context = new DefaultHttpContext { RequestServices = host.Services };

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => context.ChallengeForScopesAsync(["linodes:read_write"], "https://evil.example/"));

        Assert.Equal("returnUrl", exception.ParamName);
        Assert.StartsWith("The return URL must be a local URL (ASP.NET Core's Url.IsLocalUrl rule, at most 2048 characters).", exception.Message, StringComparison.Ordinal);
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.Equal(0, context.Response.Headers.Location.Count);
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("Cookies", "Cookies")]
    public async Task Revoking_without_a_Linode_session_is_skipped_and_names_the_scheme_asked_for(string? signInScheme, string expectedScheme)
    {
        await using var host = await LinodeTestHost.StartAsync();
        var context = new DefaultHttpContext { RequestServices = host.Services };

        var result = await context.RevokeLinodeTokenAsync(signInScheme);

        Assert.Equal(LinodeTokenRevocationOutcome.Skipped, result.Outcome);
        Assert.Equal("not_signed_in_with_linode", result.Error);
        Assert.Equal(expectedScheme, result.Scheme);
        Assert.Empty(host.Emulator.RequestsTo(LinodeEmulatorEndpoint.Revoke));
        Assert.Empty(host.Revocations);
    }

    [Fact]
    public async Task Without_a_Linode_session_there_is_no_access_token()
    {
        await using var host = await LinodeTestHost.StartAsync();

        Assert.Null(await new DefaultHttpContext { RequestServices = host.Services }.GetLinodeAccessTokenAsync());
    }
}
