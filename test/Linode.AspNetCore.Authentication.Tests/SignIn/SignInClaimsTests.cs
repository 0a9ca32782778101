using System.Net;
using System.Security.Claims;
using Linode.AspNetCore.Authentication.Testing;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;

namespace Linode.AspNetCore.Authentication.Tests.SignIn;

public sealed class SignInClaimsTests
{
    [Theory]
    [InlineData(ClaimTypes.NameIdentifier, "1234", ClaimValueTypes.String)]
    [InlineData(ClaimTypes.Name, "exampleUser", ClaimValueTypes.String)]
    [InlineData(ClaimTypes.Email, "example-user@gmail.com", ClaimValueTypes.String)]
    [InlineData(LinodeClaimTypes.Timezone, "US/Eastern", ClaimValueTypes.String)]
    [InlineData(LinodeClaimTypes.Restricted, "false", ClaimValueTypes.Boolean)]
    [InlineData(LinodeClaimTypes.TwoFactorAuth, "true", ClaimValueTypes.Boolean)]
    [InlineData(LinodeClaimTypes.UserType, "default", ClaimValueTypes.String)]
    [InlineData(LinodeClaimTypes.AuthenticationType, "password", ClaimValueTypes.String)]
    public async Task Sign_in_issues_the_profile_claim(string type, string value, string valueType)
    {
        await using var host = await LinodeTestHost.StartAsync();

        var me = await host.GetMeAsync();

        var claim = Assert.Single(me.Claims, claim => claim.Type == type);
        Assert.Equal(value, claim.Value);
        Assert.Equal(valueType, claim.ValueType);
        Assert.Equal(LinodeDefaults.AuthenticationScheme, claim.Issuer);
    }

    [Theory]
    [InlineData(ClaimTypes.NameIdentifier, "5678")]
    [InlineData(ClaimTypes.Name, "restrictedUser")]
    [InlineData(LinodeClaimTypes.Restricted, "true")]
    [InlineData(LinodeClaimTypes.TwoFactorAuth, "false")]
    [InlineData(LinodeClaimTypes.Timezone, "Europe/Berlin")]
    [InlineData(LinodeClaimTypes.AuthenticationType, "github")]
    public async Task Claims_follow_the_user_who_approved(string type, string value)
    {
        var emulator = LinodeTestHost.NewEmulator();
        emulator.Options.ApprovingUser = "restrictedUser";
        await using var host = await LinodeTestHost.StartAsync(emulator: emulator);

        var me = await host.GetMeAsync();

        Assert.Equal(value, Assert.Single(me.ValuesOf(type)));
    }

    [Theory]
    [InlineData("scope scopes", " ", "linodes:read_only domains:read_write")]
    [InlineData("scope", " ", "linodes:read_only domains:read_write")]
    [InlineData("scopes", " ", "linodes:read_only domains:read_write")]
    [InlineData("scope scopes", ",", "linodes:read_only domains:read_write")]
    [InlineData("scopes", ", ", "linodes:read_only domains:read_write")]
    public async Task One_scope_claim_per_granted_scope_whatever_the_token_response_format(string fields, string separator, string expected)
    {
        var emulator = LinodeTestHost.NewEmulator();
        emulator.Options.ScopeFields = fields.Split(' ');
        emulator.Options.ResponseScopeSeparator = separator;
        await using var host = await LinodeTestHost.StartAsync(options =>
        {
            options.Scope.Add(LinodeScopes.Linodes.ReadOnly);
            options.Scope.Add(LinodeScopes.Domains.ReadWrite);
        }, emulator: emulator);

        var me = await host.GetMeAsync();

        Assert.Equal(expected.Split(' '), me.ValuesOf(LinodeClaimTypes.Scope));
    }

    [Fact]
    public async Task Full_access_is_one_star_scope_claim()
    {
        await using var host = await LinodeTestHost.StartAsync(options => options.Scope.Add(LinodeScopes.All));

        var me = await host.GetMeAsync();

        Assert.Equal(["*"], me.ValuesOf(LinodeClaimTypes.Scope));
    }

    [Fact]
    public async Task Scopes_granted_are_the_claims_not_the_scopes_requested()
    {
        var emulator = LinodeTestHost.NewEmulator();
        emulator.Options.GrantedScopes = [LinodeScopes.Linodes.ReadOnly];
        await using var host = await LinodeTestHost.StartAsync(options =>
        {
            options.Scope.Add(LinodeScopes.Linodes.ReadWrite);
            options.Scope.Add(LinodeScopes.Account.ReadOnly);
        }, emulator: emulator);

        var me = await host.GetMeAsync();

        Assert.Equal([LinodeScopes.Linodes.ReadOnly], me.ValuesOf(LinodeClaimTypes.Scope));
    }

    [Fact]
    public async Task No_scope_fields_in_the_token_response_means_no_scope_claims_and_a_debug_log()
    {
        var emulator = LinodeTestHost.NewEmulator();
        emulator.Options.ScopeFields = [];
        await using var host = await LinodeTestHost.StartAsync(options => options.Scope.Add(LinodeScopes.Linodes.ReadOnly), emulator: emulator);

        var me = await host.GetMeAsync();

        Assert.Empty(me.ValuesOf(LinodeClaimTypes.Scope));
        Assert.Contains(host.Logs.Linode, entry => entry.EventId.Id == 5005 && entry.Category == typeof(LinodeHandler).FullName);
    }

    [Fact]
    public async Task A_debug_log_names_the_user_and_how_many_scopes_were_granted()
    {
        var emulator = LinodeTestHost.NewEmulator();
        emulator.Options.ApprovingUser = "restrictedUser";
        emulator.Options.GrantedScopes = [LinodeScopes.Linodes.ReadOnly, LinodeScopes.Domains.ReadWrite];
        await using var host = await LinodeTestHost.StartAsync(emulator: emulator);

        await host.GetMeAsync();

        var log = Assert.Single(host.Logs.Linode, entry => entry.EventId.Id == 5006);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Debug, log.Level);
        Assert.StartsWith("Signed in Linode user 5678 with 2 granted scope(s).", log.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_are_saved_with_expiry_from_the_time_provider()
    {
        await using var host = await LinodeTestHost.StartAsync();

        var me = await host.GetMeAsync();

        var issued = Assert.Single(host.Emulator.Tokens);
        Assert.Equal(issued.AccessToken, me.Tokens["access_token"]);
        Assert.Equal(issued.RefreshToken, me.Tokens["refresh_token"]);
        Assert.Equal("bearer", me.Tokens["token_type"]);
        Assert.Equal(host.Time.GetUtcNow().AddHours(2), DateTimeOffset.Parse(me.Tokens["expires_at"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Sign_in_returns_to_the_page_that_was_asked_for()
    {
        await using var host = await LinodeTestHost.StartAsync();

        using var response = await host.SignInAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/me", host.Browser.History[^1].Uri.AbsolutePath);
        Assert.Equal(
            ["app.test", LinodeTestHost.LoginHost, "app.test", "app.test"],
            host.Browser.History.Select(hop => hop.Uri.Host));
    }
}
