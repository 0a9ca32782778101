using System.Net;
using System.Text.RegularExpressions;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;

namespace Linode.AspNetCore.Authentication.WebSample.Tests.Infrastructure;

/// <summary>What a person does in the sample: open a page, answer the emulator's consent page, sign out.</summary>
public static partial class SampleFlows
{
    public const string App = "http://localhost";

    /// <summary>Follows a sign-in until the emulator's consent page and returns its HTML and URL.</summary>
    public static async Task<(string Html, Uri Page)> OpenConsentAsync(TestBrowser browser, string path = "/account")
    {
        using var response = await browser.GetAsync(App + path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = browser.History[^1].Uri;
        Assert.Equal("/oauth/authorize", page.AbsolutePath);
        return (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), page);
    }

    /// <summary>Submits the consent page the way its Approve or Deny button would, with the ticked scopes.</summary>
    public static async Task<HttpResponseMessage> AnswerConsentAsync(TestBrowser browser, string html, Uri page, bool approve, string user = "exampleUser") =>
        await browser.PostFormAsync(new Uri(page, "authorize").ToString(), ConsentFields(html, approve, user));

    /// <summary>The fields the consent form posts: its hidden fields (the anti-forgery token among them), the ticked scopes,
    /// the chosen user and the decision.</summary>
    public static List<KeyValuePair<string, string>> ConsentFields(string html, bool approve, string user = "exampleUser")
    {
        var fields = HiddenField().Matches(html).Select(match => KeyValuePair.Create(match.Groups[1].Value, WebUtility.HtmlDecode(match.Groups[2].Value))).ToList();
        fields.AddRange(CheckedScope().Matches(html).Select(match => KeyValuePair.Create("granted", WebUtility.HtmlDecode(match.Groups[1].Value))));
        fields.Add(KeyValuePair.Create("user", user));
        fields.Add(KeyValuePair.Create("decision", approve ? "approve" : "deny"));
        return fields;
    }

    public static async Task<string> SignInAsync(TestBrowser browser, string path = "/account")
    {
        var (html, page) = await OpenConsentAsync(browser, path);
        using var response = await AnswerConsentAsync(browser, html, page, approve: true);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    public static string AntiforgeryToken(string html) => WebUtility.HtmlDecode(Antiforgery().Match(html).Groups[1].Value);

    public static async Task<HttpResponseMessage> GetAsync(TestBrowser browser, string path) =>
        await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, App + path));

    [GeneratedRegex("<input type=\"hidden\" name=\"([a-z_]+)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenField();

    [GeneratedRegex("<input type=\"checkbox\" name=\"granted\" checked value=\"([^\"]*)\">")]
    private static partial Regex CheckedScope();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
