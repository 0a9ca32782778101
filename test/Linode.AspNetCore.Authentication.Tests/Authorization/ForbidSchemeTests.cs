using System.Net;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Linode.AspNetCore.Authentication.Tests.Authorization;

/// <summary>A user forbidden for lacking a Linode scope is forbidden by the schemes the policy names, else by the scheme
/// the app names for forbidding, else by the scheme that holds their ticket (never the challenge scheme, which in an app
/// with its own login page is another one), and the step-up handler leaves challenges of signed-out users to ASP.NET
/// Core.</summary>
public sealed class ForbidSchemeTests
{
    private const string LoginPageScheme = "LoginPage";

    private static Task<LinodeTestHost> StartAsync(Action<AuthenticationOptions> configure, Action<AuthorizationOptions>? authorization = null) =>
        LinodeTestHost.StartAsync(addSchemes: (authentication, test) =>
        {
            authentication.AddLinode(options => test.Instrument(options));
            authentication.AddCookie(LoginPageScheme, options =>
            {
                options.LoginPath = "/login-page";
                options.AccessDeniedPath = "/login-page-denied";
            });
            authentication.Services.Configure(configure);
            if (authorization is not null)
            {
                authentication.Services.Configure(authorization);
            }
        });

    private static async Task SignInAsync(LinodeTestHost host)
    {
        using var signIn = await host.Browser.GetAsync(LinodeTestHost.AppBase + "/challenge/" + LinodeDefaults.AuthenticationScheme);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }

    /// <summary>Requests <paramref name="path"/> and returns where the app redirected to (path, and missing scopes if any).</summary>
    private static async Task<(string Path, string MissingScopes)> RedirectOfAsync(LinodeTestHost host, string path)
    {
        using var response = await host.Browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, LinodeTestHost.AppBase + path));
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var location = response.Headers.Location!;
        return (location.AbsolutePath, QueryHelpers.ParseQuery(location.Query).TryGetValue("missing_scopes", out var missing) ? missing.ToString() : string.Empty);
    }

    [Fact]
    public async Task The_apps_default_forbid_scheme_forbids_a_user_who_lacks_a_scope()
    {
        await using var host = await StartAsync(options => options.DefaultForbidScheme = LoginPageScheme);
        await SignInAsync(host);

        var (redirect, _) = await RedirectOfAsync(host, "/scoped/write-no-step-up");

        Assert.Equal("/login-page-denied", redirect);
    }

    [Fact]
    public async Task Without_a_default_forbid_scheme_the_scheme_holding_the_ticket_forbids_not_the_challenge_scheme()
    {
        await using var host = await StartAsync(options => options.DefaultChallengeScheme = LoginPageScheme);
        await SignInAsync(host);

        var (redirect, missing) = await RedirectOfAsync(host, "/scoped/write-no-step-up");

        Assert.Equal("/forbidden", redirect);
        Assert.Equal(LinodeScopes.Linodes.ReadWrite, missing);
    }

    [Fact]
    public async Task A_policy_that_names_its_schemes_is_forbidden_by_them_even_with_a_default_forbid_scheme()
    {
        await using var host = await StartAsync(options => options.DefaultForbidScheme = LoginPageScheme, authorization => authorization.AddPolicy(
            "volumes", policy => policy.AddAuthenticationSchemes(CookieAuthenticationDefaults.AuthenticationScheme).RequireLinodeScope(LinodeScopes.Volumes.ReadOnly)));
        await SignInAsync(host);

        var (redirect, missing) = await RedirectOfAsync(host, "/scoped/policy");

        Assert.Equal("/forbidden", redirect);
        Assert.Equal(LinodeScopes.Volumes.ReadOnly, missing);
    }

    [Fact]
    public async Task A_signed_out_user_on_a_step_up_page_is_challenged_by_the_default_challenge_scheme()
    {
        await using var host = await StartAsync(options => options.DefaultChallengeScheme = LoginPageScheme);

        var (redirect, _) = await RedirectOfAsync(host, "/scoped/write");

        Assert.Equal("/login-page", redirect);
        Assert.Empty(host.Emulator.RequestsTo(Testing.LinodeEmulatorEndpoint.Authorize));
    }
}
