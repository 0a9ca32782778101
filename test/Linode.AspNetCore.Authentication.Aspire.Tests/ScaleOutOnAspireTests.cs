using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Linode.AspNetCore.Authentication.Testing;

namespace Linode.AspNetCore.Authentication.Aspire.Tests;

/// <summary>
/// samples/AppHost as a user runs it, started by Aspire.Hosting.Testing: redis-server, the linode-emulator tool and
/// WebSample as three replicas behind one address. Through that address only, a browser signs in (a sign-in started on
/// one replica completes on another), the token comes due and the replicas refresh it once, and a sign-out revokes it
/// and ends the session on every replica.
/// </summary>
public sealed partial class ScaleOutOnAspireTests(ITestOutputHelper output)
{
    private const int Replicas = 3;

    /// <summary>Linode's refresh window is 5 minutes: a token issued for 5 min 40 s is due 40 s after it was issued (a margin for a busy machine: the refreshed one must not come due again before the test ends).</summary>
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromSeconds(340);

    [Fact]
    public async Task Three_replicas_sign_in_refresh_once_and_sign_out_everywhere_behind_one_address()
    {
        var cancel = TestContext.Current.CancellationToken;
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [$"Replicas={Replicas}"], (options, _) => options.DisableDashboard = true, cancel);
        appHost.CreateResourceBuilder(appHost.Resources.OfType<LinodeEmulatorResource>().Single()).WithAccessTokenLifetime(TokenLifetime);
        await using var app = await appHost.BuildAsync(cancel);
        using var started = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        started.CancelAfter(TimeSpan.FromMinutes(3));
        await app.StartAsync(started.Token);

        // The one address in front of the replicas (5090 when run by hand; a free port under test).
        var site = app.GetEndpoint("web", "http");
        var emulator = app.GetEndpoint("linode", "http");
        using var plain = new HttpClient(new NewConnectionPerRequest(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }));
        await WaitUntilAllAnswerAsync(plain, site, started.Token);

        // 1. A sign-in started on one replica (the challenge) completes on another (the callback), through the one address.
        var (browser, recorder) = await SignInAcrossReplicasAsync(site, emulator, cancel);
        using var _ = browser;
        var signedInAt = DateTimeOffset.UtcNow;
        var cookie = browser.Cookies.GetCookieHeader(new UriBuilder(site) { Scheme = "https", Port = site.Port }.Uri);

        // 2. The token comes due; twelve requests at once on the replicas refresh it once.
        await Task.Delay(TimeSpan.FromSeconds(41) - (DateTimeOffset.UtcNow - signedInAt), cancel);
        var pages = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => GetAsync(plain, new Uri(site, "/account"), cookie, cancel)));
        Assert.All(pages, page => Assert.Equal(HttpStatusCode.OK, page.Status));
        Assert.All(pages, page => Assert.Contains("exampleUser", page.Body, StringComparison.Ordinal));
        var refreshedOn = pages.Select(page => page.Instance).Distinct().ToList();
        Assert.True(refreshedOn.Count >= 2, $"The due requests reached one replica only ({refreshedOn[0]}).");
        var traffic = await TrafficAsync(plain, emulator, cancel);
        Assert.Equal(1, Count(traffic, "grants", "refresh_token"));

        // 3. Sign-out (anti-forgery POST) revokes the token; the old cookie is refused by every replica.
        using var account = await browser.GetAsync("/account", cancel);
        var form = AntiforgeryField().Match(await account.Content.ReadAsStringAsync(cancel));
        Assert.True(form.Success, "The account page has no sign-out form.");
        using var signedOut = await browser.PostFormAsync("/signout", [KeyValuePair.Create("__RequestVerificationToken", WebUtility.HtmlDecode(form.Groups[1].Value))], cancel);
        Assert.Equal(HttpStatusCode.OK, signedOut.StatusCode);
        Assert.Contains("access to your Linode account was revoked", await signedOut.Content.ReadAsStringAsync(cancel), StringComparison.Ordinal);
        Assert.Equal(1, Count(await TrafficAsync(plain, emulator, cancel), "requests", "POST /oauth/revoke"));

        var refusals = new Dictionary<string, HttpStatusCode>();
        for (var attempt = 0; attempt < 60 && refusals.Count < Replicas; attempt++)
        {
            var answer = await GetAsync(plain, new Uri(site, "/account"), cookie, cancel);
            refusals[answer.Instance] = answer.Status;
            Assert.Equal(HttpStatusCode.Found, answer.Status);
            Assert.StartsWith(emulator.AbsoluteUri + "oauth/authorize", answer.Location, StringComparison.Ordinal);
        }

        Assert.Equal(Replicas, refusals.Count);
        traffic = await TrafficAsync(plain, emulator, cancel);
        output.WriteLine($"replicas seen: sign-in {string.Join(", ", recorder.Instances.Distinct())}; due requests {string.Join(", ", refreshedOn)}; refused old cookie {string.Join(", ", refusals.Keys)}");
        output.WriteLine($"grants: authorization_code {Count(traffic, "grants", "authorization_code")}, refresh_token {Count(traffic, "grants", "refresh_token")}; revocations {Count(traffic, "requests", "POST /oauth/revoke")}");
        Assert.Equal(1, Count(traffic, "grants", "refresh_token"));
    }

    /// <summary>Waits until every replica answers the home page (each starts on its own; the proxy sends a request to any).</summary>
    private static async Task WaitUntilAllAnswerAsync(HttpClient client, Uri site, CancellationToken cancel)
    {
        var answered = new HashSet<string>();
        while (answered.Count < Replicas)
        {
            try
            {
                using var response = await client.GetAsync(site, cancel);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    answered.Add(InstanceRecorder.InstanceOf(response));
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200, cancel);
        }
    }

    /// <summary>Signs in with fresh browsers until one's challenge and callback were answered by different replicas (the
    /// proxy in front of them picks one per connection; with three, two in three sign-ins cross).</summary>
    private async Task<(LinodeTestBrowser Browser, InstanceRecorder Recorder)> SignInAcrossReplicasAsync(Uri site, Uri emulator, CancellationToken cancel)
    {
        for (var attempt = 1; attempt <= 12; attempt++)
        {
            var recorder = new InstanceRecorder(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
            var browser = new LinodeTestBrowser(recorder, site, emulator);
            using var page = await browser.SignInWithLinodeAsync("/signin?returnUrl=%2Faccount", username: "exampleUser", cancellationToken: cancel);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("exampleUser", await page.Content.ReadAsStringAsync(cancel), StringComparison.Ordinal);
            var challenge = recorder.Answers.First(answer => answer.Path == "/signin");
            var callback = recorder.Answers.First(answer => answer.Path == "/signin-linode");
            output.WriteLine($"sign-in {attempt}: challenge on {challenge.Instance}, callback on {callback.Instance}");
            if (challenge.Instance != callback.Instance)
            {
                return (browser, recorder);
            }

            browser.Dispose();
        }

        Assert.Fail("In twelve sign-ins, the challenge and the callback were always answered by the same replica.");
        return default;
    }

    private static async Task<(HttpStatusCode Status, string Instance, string Body, string Location)> GetAsync(HttpClient client, Uri url, string cookie, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request, cancel);
        return (response.StatusCode, InstanceRecorder.InstanceOf(response), await response.Content.ReadAsStringAsync(cancel), response.Headers.Location?.AbsoluteUri ?? string.Empty);
    }

    private static async Task<JsonElement> TrafficAsync(HttpClient client, Uri emulator, CancellationToken cancel) =>
        JsonDocument.Parse(await client.GetStringAsync(new Uri(emulator, "_emulator/traffic"), cancel)).RootElement.Clone();

    private static long Count(JsonElement traffic, string group, string name) =>
        traffic.GetProperty(group).TryGetProperty(name, out var count) ? count.GetInt64() : 0;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
