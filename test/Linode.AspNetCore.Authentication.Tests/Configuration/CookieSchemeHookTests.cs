using Linode.AspNetCore.Authentication.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Linode.AspNetCore.Authentication.Tests.Configuration;

/// <summary><c>AddLinode</c> hooks only the cookie schemes a Linode scheme signs in to; Identity's cookies beside it keep
/// exactly the events the app gave them.</summary>
public sealed class CookieSchemeHookTests
{
    /// <summary>The cookie options of an app that has the same cookies but no Linode scheme: the reference for "untouched".</summary>
    private static readonly IOptionsMonitor<CookieAuthenticationOptions> WithoutLinode = CookiesWithoutLinode();

    private static IOptionsMonitor<CookieAuthenticationOptions> CookiesWithoutLinode()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie().AddIdentityCookies();
        return services.BuildServiceProvider().GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>();
    }

    private static string Handlers(CookieAuthenticationEvents events) =>
        string.Join(" | ", new Delegate[] { events.OnSigningIn, events.OnSigningOut, events.OnValidatePrincipal, events.OnRedirectToAccessDenied }
            .Select(handler => handler.Method.DeclaringType + "." + handler.Method.Name));

    private static bool IsUntouched(IOptionsMonitor<CookieAuthenticationOptions> cookies, string scheme) =>
        Handlers(cookies.Get(scheme).Events) == Handlers(WithoutLinode.Get(scheme).Events);

    [Fact]
    public async Task Identity_cookies_are_untouched_and_the_sign_in_cookie_is_hooked()
    {
        await using var host = await LinodeTestHost.StartAsync(addSchemes: (authentication, test) =>
        {
            authentication.AddIdentityCookies();
            authentication.AddLinode(test.Instrument);
        });
        var cookies = host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>();

        Assert.False(IsUntouched(cookies, CookieAuthenticationDefaults.AuthenticationScheme));
        foreach (var scheme in new[] { IdentityConstants.ApplicationScheme, IdentityConstants.ExternalScheme, IdentityConstants.TwoFactorRememberMeScheme, IdentityConstants.TwoFactorUserIdScheme })
        {
            Assert.True(IsUntouched(cookies, scheme), scheme + " was hooked");
        }
    }

    [Fact]
    public async Task A_Linode_scheme_that_signs_in_to_Identitys_external_cookie_hooks_that_one_only()
    {
        await using var host = await LinodeTestHost.StartAsync(addSchemes: (authentication, test) =>
        {
            authentication.AddIdentityCookies();
            authentication.AddLinode(options =>
            {
                options.SignInScheme = IdentityConstants.ExternalScheme;
                test.Instrument(options);
            });
        });
        var cookies = host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>();

        Assert.False(IsUntouched(cookies, IdentityConstants.ExternalScheme));
        Assert.True(IsUntouched(cookies, IdentityConstants.ApplicationScheme));
        Assert.True(IsUntouched(cookies, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    [Fact]
    public async Task The_apps_own_cookie_events_still_run_after_the_hooks()
    {
        var signedIn = 0;
        var signedOut = 0;
        await using var host = await LinodeTestHost.StartAsync(addSchemes: (authentication, test) =>
        {
            authentication.Services.Configure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, options =>
            {
                options.Events.OnSigningIn = _ =>
                {
                    signedIn++;
                    return Task.CompletedTask;
                };
                options.Events.OnSigningOut = _ =>
                {
                    signedOut++;
                    return Task.CompletedTask;
                };
            });
            authentication.AddLinode(test.Instrument);
        });
        using (await host.SignInAsync())
        {
        }

        using (await host.SignOutAsync())
        {
        }

        Assert.Equal(1, signedIn);
        Assert.Equal(1, signedOut);
        Assert.Equal(LinodeTokenRevocationOutcome.Revoked, Assert.Single(host.Revocations).Outcome);
    }
}
