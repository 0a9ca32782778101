using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>
/// Fails start-up when a Linode scheme is misconfigured: reading each scheme's options here runs their validation (a
/// missing client id, an endpoint that is not an absolute URL), and two schemes sharing a callback path are refused (the
/// first would swallow the other's callbacks and users would see "oauth state was missing or invalid"). It runs in
/// <see cref="IHostedLifecycleService.StartingAsync"/>, before any hosted service starts (the web server is one), so
/// misconfiguration never waits for the first login. The other five lifecycle methods have nothing to do: the platform
/// offers no narrower hook that runs before the server (its <c>IStartupValidator</c> is a single service owned by
/// <c>ValidateOnStart</c>).
/// </summary>
internal sealed class LinodeStartupCheck : IHostedLifecycleService
{
    private readonly IEnumerable<LinodeSchemeRegistration> _registrations;
    private readonly IOptionsMonitor<LinodeOptions> _options;
    private readonly IServiceProvider _services;

    public LinodeStartupCheck(IEnumerable<LinodeSchemeRegistration> registrations, IOptionsMonitor<LinodeOptions> options, IServiceProvider services)
    {
        _registrations = registrations;
        _options = options;
        _services = services;
    }

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        var schemes = _registrations.Select(registration => registration.Scheme).Distinct(StringComparer.Ordinal);
        var clash = schemes
            .GroupBy(scheme => _options.Get(scheme).CallbackPath.Value ?? string.Empty, StringComparer.OrdinalIgnoreCase)
            .FirstOrDefault(group => group.Count() > 1);
        if (clash is not null)
        {
            var names = clash.ToArray();
            throw new InvalidOperationException(
                $"The Linode schemes '{string.Join("' and '", names)}' share the callback path '{clash.Key}'. Only one handler can " +
                $"answer a callback path: give each scheme its own, e.g. '{LinodeConfigurationKeys.Key(names[^1], "CallbackPath")}' = '/signin-linode-{names[^1].ToLowerInvariant()}', " +
                "and register that URL with its OAuth client.");
        }

        CheckBlazorSessions();
        return Task.CompletedTask;
    }

    /// <summary>With <c>AddLinodeBlazor()</c>, every cookie a Linode scheme signs in to must keep its sessions server side:
    /// a circuit cannot read the cookie, only the session store.</summary>
    private void CheckBlazorSessions()
    {
        if (_services.GetService<LinodeBlazorRegistration>() is null)
        {
            return;
        }

        var cookies = _services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>();
        foreach (var cookie in _services.GetRequiredService<LinodeSchemeNames>().SignInSchemes)
        {
            if (cookies.Get(cookie).SessionStore is not LinodeDistributedTicketStore)
            {
                throw new InvalidOperationException(
                    $"AddLinodeBlazor() reads the Linode tokens of interactive components from server-side sessions, and the cookie scheme '{cookie}' keeps its session in the browser: " +
                    $"add .AddLinodeDistributedSessions({(cookie == CookieAuthenticationDefaults.AuthenticationScheme ? string.Empty : "\"" + cookie + "\"")}) after .AddCookie(...), with an IDistributedCache (AddDistributedMemoryCache() for one instance, Redis for several).");
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
