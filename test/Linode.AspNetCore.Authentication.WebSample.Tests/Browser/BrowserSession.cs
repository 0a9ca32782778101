using Microsoft.Playwright;

namespace Linode.AspNetCore.Authentication.WebSample.Tests.Browser;

/// <summary>The sample on Kestrel plus a headless Chromium page, disposed together.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    private BrowserSession(KestrelSampleFactory sample) => Sample = sample;

    public KestrelSampleFactory Sample { get; }

    public IPage Page { get; private set; } = null!;

    public static async Task<BrowserSession> StartAsync()
    {
        var session = new BrowserSession(new KestrelSampleFactory());
        try
        {
            session.Sample.StartServer();

            // Warm the sample up (JIT, Razor views) so a cold first run is not spent inside the browser's timeouts.
            using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(120) })
            {
                (await http.GetAsync(session.Sample.BaseUrl + "/")).EnsureSuccessStatusCode();
                (await http.GetAsync(session.Sample.BaseUrl + "/signin-denied")).EnsureSuccessStatusCode();
            }

            (session._playwright, session._browser) = await HeadlessChromium.LaunchAsync();
            session.Page = await session._browser.NewPageAsync();
            session.Page.SetDefaultTimeout(60_000);
            session.Page.SetDefaultNavigationTimeout(60_000);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs a browser scenario; on failure saves a screenshot and names the page it was on.</summary>
    public async Task RunAsync(string name, Func<KestrelSampleFactory, IPage, Task> scenario)
    {
        try
        {
            await scenario(Sample, Page);
        }
        catch (Exception exception) when (exception is not Xunit.Sdk.IAssertionException)
        {
            await HeadlessChromium.ScreenshotAsync(Page, name + "-failure");
            throw new InvalidOperationException($"Browser scenario '{name}' failed on {Page.Url}: {exception.Message}", exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Sample.DisposeAsync();
    }
}
