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
            (session._playwright, session._browser) = await HeadlessChromium.LaunchAsync();
            session.Page = await session._browser.NewPageAsync();
            session.Page.SetDefaultTimeout(30_000);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
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
