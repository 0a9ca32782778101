using System.Net;
using Linode.AspNetCore.Authentication.StackExchangeRedis;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Linode.AspNetCore.Authentication.LoadTest.ScaleOut;

/// <summary>
/// One app instance, run in its own process (<c>LoadTest serve …</c>) so that its CPU time is its own: cookie +
/// AddLinode (automatic refresh on) + AddLinodeRedis for the key ring and refresh coordination, and, in "redis" session
/// mode, <c>StoreSessions()</c>. Pages: <c>/linode</c> (challenge, back to <c>/me</c>) and <c>/me</c> (200 "ok" when
/// the session authenticates, else 401). Prints "listening URL" and runs until its standard input closes.
/// </summary>
internal static class InstanceHost
{
    public const string Command = "serve";

    public static string[] Arguments(InstanceSettings settings) =>
        [Command, settings.Login.ToString(), settings.Backchannel.ToString(), settings.Redis, settings.KeyPrefix, settings.Sessions.ToString()];

    public static async Task<int> RunAsync(string[] args)
    {
        var settings = new InstanceSettings(new Uri(args[1]), new Uri(args[2]), args[3], args[4], Enum.Parse<SessionMode>(args[5]));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddDataProtection().SetApplicationName(InstanceSettings.ApplicationName);
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie()
            .AddLinode(options =>
            {
                LoadApp.Configure(options, settings.Login, settings.Backchannel);
                options.AutomaticTokenRefresh = true;
            });
        var redis = builder.Services.AddLinodeRedis(options =>
        {
            options.Configuration = settings.Redis;
            options.KeyPrefix = settings.KeyPrefix;
        }).PersistDataProtectionKeys();
        if (settings.Sessions == SessionMode.Redis)
        {
            redis.StoreSessions();
        }

        await using var app = builder.Build();
        app.UseAuthentication();
        app.MapGet("/linode", () => Results.Challenge(new AuthenticationProperties { RedirectUri = "/me" }, [LinodeDefaults.AuthenticationScheme]));
        app.MapGet("/me", (HttpContext context) => context.User.Identity?.IsAuthenticated == true ? Results.Text("ok") : Results.Unauthorized());
        await app.StartAsync();
        Console.WriteLine("listening " + app.Urls.First());
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
        return 0;
    }
}
