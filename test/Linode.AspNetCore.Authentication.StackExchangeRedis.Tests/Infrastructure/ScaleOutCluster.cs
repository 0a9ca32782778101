using System.Net;
using Linode.AspNetCore.Authentication.Testing;

namespace Linode.AspNetCore.Authentication.StackExchangeRedis.Tests.Infrastructure;

/// <summary>
/// An app as it runs in production, in miniature: <c>N</c> instances behind a <see cref="LoadBalancer"/>, one Linode
/// emulator on its own loopback port (the client's callback registered at the public address), and a browser.
/// </summary>
public sealed class ScaleOutCluster : IAsyncDisposable
{
    private ScaleOutCluster(LinodeEmulatorServer emulator, IReadOnlyList<ScaleOutInstance> instances, LoadBalancer balancer)
    {
        Emulator = emulator;
        Instances = instances;
        Balancer = balancer;
        Browser = new LinodeTestBrowser(balancer, LoadBalancer.PublicAddress, emulator);
    }

    public LinodeEmulatorServer Emulator { get; }

    public IReadOnlyList<ScaleOutInstance> Instances { get; }

    public LoadBalancer Balancer { get; }

    public LinodeTestBrowser Browser { get; }

    public static async Task<ScaleOutCluster> StartAsync(ScaleOutSettings settings, int instances = 3)
    {
        var emulator = new LinodeEmulator();
        emulator.Options.Clients[0].RedirectUri = new Uri(LoadBalancer.PublicAddress, "signin-linode").AbsoluteUri;
        var server = await LinodeEmulatorServer.StartAsync(emulator);
        var started = new List<ScaleOutInstance>();
        for (var i = 0; i < instances; i++)
        {
            started.Add(await ScaleOutInstance.StartAsync(settings, server));
        }

        return new ScaleOutCluster(server, started, new LoadBalancer(started));
    }

    /// <summary>The browser's cookies for the app, as one Cookie header (to replay them anywhere).</summary>
    public string CookieHeader => Browser.Cookies.GetCookieHeader(new Uri("https://" + LoadBalancer.PublicAddress.Authority + "/"));

    /// <summary>The total length of the app's authentication cookie (all its chunks).</summary>
    public int AuthenticationCookieLength => Browser.Cookies.GetCookies(new Uri("https://" + LoadBalancer.PublicAddress.Authority + "/"))
        .Where(cookie => cookie.Name.StartsWith(".AspNetCore.Cookies", StringComparison.Ordinal)).Sum(cookie => cookie.Name.Length + 1 + cookie.Value.Length);

    /// <summary>GET <paramref name="path"/> on one instance with the given cookies; returns the status and body.</summary>
    public async Task<(HttpStatusCode Status, string Body)> GetAsync(int instance, string path, string cookieHeader)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookieHeader);
        using var response = await Balancer.SendToAsync(instance, request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>Signs in: challenge on <paramref name="challengeOn"/>, callback on <paramref name="callbackOn"/>, landing
    /// on <paramref name="landOn"/>.</summary>
    public async Task SignInAsync(int challengeOn = 0, int callbackOn = 1, int landOn = 2)
    {
        var previous = Balancer.Route;
        Balancer.Route = request => request.RequestUri!.AbsolutePath switch
        {
            "/challenge" => challengeOn,
            "/signin-linode" => callbackOn,
            _ => landOn,
        };
        try
        {
            using var landed = await Browser.SignInWithLinodeAsync("/challenge", cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
            Assert.Equal("landed", await landed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }
        finally
        {
            Balancer.Route = previous;
        }
    }

    /// <summary>Signs in (as <see cref="SignInAsync"/>) with an access token that is due for refresh on the first request
    /// (2 minutes, inside the 5-minute window); the tokens Linode issues afterwards live 2 hours.</summary>
    public async Task SignInDueForRefreshAsync(int challengeOn = 0, int callbackOn = 1, int landOn = 2)
    {
        Emulator.Emulator.Options.AccessTokenLifetime = TimeSpan.FromMinutes(2);
        await SignInAsync(challengeOn, callbackOn, landOn);
        Emulator.Emulator.Options.AccessTokenLifetime = TimeSpan.FromHours(2);
    }

    /// <summary>Token pairs Linode would still refresh (refresh token neither used nor revoked).</summary>
    public IReadOnlyList<LinodeEmulatorToken> LiveTokenPairs => Emulator.Emulator.Tokens.Where(token => token.RefreshToken is not null && !token.IsRevoked && !token.IsRefreshTokenDead).ToList();

    /// <summary>How many refresh grants reached the emulator.</summary>
    public int RefreshGrants => Emulator.Emulator.RequestsTo(LinodeEmulatorEndpoint.Token).Count(request => request.Form.TryGetValue("grant_type", out var grant) && grant == "refresh_token");

    public async ValueTask DisposeAsync()
    {
        Browser.Dispose();
        foreach (var instance in Instances)
        {
            await instance.DisposeAsync();
        }

        await Emulator.DisposeAsync();
    }
}
