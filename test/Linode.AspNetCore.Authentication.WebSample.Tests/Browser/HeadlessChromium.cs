using Microsoft.Playwright;

namespace Linode.AspNetCore.Authentication.WebSample.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright (nothing is downloaded). On a developer machine without Chromium the browser
/// tests skip with the reason; in CI (CI=true) a missing browser is a failure, and .ci/run installs it.
/// </summary>
public static class HeadlessChromium
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    public static string ScreenshotFolder { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots")).FullName;

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var executable = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured ? configured : Candidates.FirstOrDefault(File.Exists);
        if (executable is null || !File.Exists(executable))
        {
            const string reason = "No Chromium found (install Debian's 'chromium' package or set CHROMIUM_PATH).";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(reason + " CI must run the browser tests.");
            }

            Assert.Skip(reason);
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Timeout = 60_000,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return (playwright, browser);
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
}
