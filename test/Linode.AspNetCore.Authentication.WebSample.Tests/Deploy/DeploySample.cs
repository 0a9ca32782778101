using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Linode.AspNetCore.Authentication.Testing;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;
using Linode.AspNetCore.Authentication.WebSample.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Linode.AspNetCore.Authentication.WebSample.Tests.Infrastructure.SampleFlows;

namespace Linode.AspNetCore.Authentication.WebSample.Tests.Deploy;

/// <summary>The sample with every log record captured (at Trace), and the steps of "Install on Linode" as a person takes them.</summary>
public sealed partial class DeploySample : SampleFactory
{
    public LogCapture Logs { get; } = new();

    /// <summary>The sample's clock when a test sets it (the emulator keeps the real one).</summary>
    public FakeTimeProvider? Time { get; init; }

    /// <summary>The tokens the emulator issued that it still accepts.</summary>
    public IEnumerable<LinodeEmulatorToken> ActiveTokens => Emulator.Tokens.Where(token => Emulator.IsAccessTokenActive(token.AccessToken));

    /// <summary>The deploy form's fields as the page renders them, with <paramref name="changes"/> applied.</summary>
    public static List<KeyValuePair<string, string>> FormFields(string html, IReadOnlyDictionary<string, string>? changes = null)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(html),
            ["Plan"] = Selected(html, "Plan"),
            ["Region"] = Selected(html, "Region"),
            ["Image"] = Selected(html, "Image"),
            ["Label"] = WebUtility.HtmlDecode(LabelValue().Match(html).Groups[1].Value),
            ["Udf[hostname]"] = "web01",
            ["Udf[site_title]"] = "Hello from Linode",
            ["Udf[web_server]"] = "nginx",
        };
        foreach (var (name, value) in changes ?? new Dictionary<string, string>())
        {
            fields[name] = value;
        }

        return fields.ToList();
    }

    /// <summary>Opens /deploy, submits it (with <paramref name="changes"/>), answers Linode's consent page as
    /// <paramref name="consent"/> says and, when <paramref name="confirm"/> and the confirmation page is shown, confirms;
    /// the response of the page the browser ends on.</summary>
    public static async Task<HttpResponseMessage> DeployAsync(TestBrowser browser, IReadOnlyDictionary<string, string>? changes = null, Func<string, string>? consent = null, bool approve = true, bool confirm = true)
    {
        using var form = await GetAsync(browser, "/deploy");
        var html = await form.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var reached = await browser.PostFormAsync(App + "/deploy", FormFields(html, changes));
        if (browser.History[^1].Uri.AbsolutePath == "/oauth/authorize")
        {
            var consentHtml = await reached.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            reached.Dispose();
            reached = await AnswerConsentAsync(browser, consent?.Invoke(consentHtml) ?? consentHtml, browser.History[^1].Uri, approve);
        }

        if (!confirm || browser.History[^1].Uri.AbsolutePath != "/deploy/confirm" || reached.StatusCode != HttpStatusCode.OK)
        {
            return reached;
        }

        var confirmation = await reached.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        reached.Dispose();
        return await browser.PostFormAsync(App + "/deploy/create", ConfirmFields(confirmation));
    }

    /// <summary>The fields the confirmation page's form posts: its anti-forgery token and the protected decision.</summary>
    public static List<KeyValuePair<string, string>> ConfirmFields(string html) =>
    [
        KeyValuePair.Create("__RequestVerificationToken", AntiforgeryToken(html)),
        KeyValuePair.Create("decision", WebUtility.HtmlDecode(DecisionValue().Match(html).Groups[1].Value)),
    ];

    /// <summary>How many <c>POST /v4/linode/instances</c> calls reached the emulator.</summary>
    public int CreateCalls => Emulator.RequestsTo(LinodeEmulatorEndpoint.LinodeInstances).Count(request => request.Method == "POST");

    /// <summary>The JSON body of the one <c>POST /v4/linode/instances</c> the emulator received.</summary>
    public JsonElement CreateRequestBody() =>
        JsonDocument.Parse(Emulator.RequestsTo(LinodeEmulatorEndpoint.LinodeInstances).Single(request => request.Method == "POST").Body!).RootElement;

    public static string RootPasswordOn(string html) => WebUtility.HtmlDecode(RootPasswordCode().Match(html).Groups[1].Value);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs)));
        if (Time is { } time)
        {
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(time));
        }
    }

    private static string Selected(string html, string name) =>
        WebUtility.HtmlDecode(Regex.Match(html, "<select name=\"" + name + "\"[^>]*>\\s*<option value=\"([^\"]+)\"").Groups[1].Value);

    [GeneratedRegex("<input name=\"Label\" id=\"label\" value=\"([^\"]*)\"")]
    private static partial Regex LabelValue();

    [GeneratedRegex("<input type=\"hidden\" name=\"decision\" value=\"([^\"]+)\">")]
    private static partial Regex DecisionValue();

    [GeneratedRegex("<code id=\"root-password\">([^<]+)</code>")]
    private static partial Regex RootPasswordCode();
}
