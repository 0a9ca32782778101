using System.Security.Claims;
using System.Text.Encodings.Web;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Linode.AspNetCore.Authentication.Tests.SignIn;

/// <summary><see cref="LinodeHandler"/> is public so that an app can derive from it; its protected members then refuse a
/// null argument with <see cref="ArgumentNullException"/> naming it, rather than failing later with a
/// <see cref="NullReferenceException"/>.</summary>
public sealed class HandlerSubclassTests
{
    [Fact]
    public async Task Protected_members_refuse_null_arguments_naming_them()
    {
        await using var host = await LinodeTestHost.StartAsync();
        var handler = new DerivedHandler(
            host.Services.GetRequiredService<IOptionsMonitor<LinodeOptions>>(),
            host.Services.GetRequiredService<ILoggerFactory>(),
            UrlEncoder.Default,
            host.Services.GetRequiredService<ILinodeTokenRevoker>());

        Assert.Equal("properties", (await Assert.ThrowsAsync<ArgumentNullException>(() => handler.ChallengeWithAsync(null))).ParamName);
        Assert.Equal("context", (await Assert.ThrowsAsync<ArgumentNullException>(() => handler.ExchangeAsync(null))).ParamName);
        Assert.Equal("identity", (await Assert.ThrowsAsync<ArgumentNullException>(() => handler.CreateTicketAsync(null, OAuthTokenResponse.Failed(new InvalidOperationException())))).ParamName);
        Assert.Equal("tokens", (await Assert.ThrowsAsync<ArgumentNullException>(() => handler.CreateTicketAsync(new ClaimsIdentity(), null))).ParamName);
    }

    private sealed class DerivedHandler(IOptionsMonitor<LinodeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ILinodeTokenRevoker revoker)
        : LinodeHandler(options, logger, encoder, revoker)
    {
        public Task ChallengeWithAsync(AuthenticationProperties? properties) => HandleChallengeAsync(properties!);

        public Task<OAuthTokenResponse> ExchangeAsync(OAuthCodeExchangeContext? context) => ExchangeCodeAsync(context!);

        public Task<AuthenticationTicket> CreateTicketAsync(ClaimsIdentity? identity, OAuthTokenResponse? tokens) =>
            CreateTicketAsync(identity!, new AuthenticationProperties(), tokens!);
    }
}
