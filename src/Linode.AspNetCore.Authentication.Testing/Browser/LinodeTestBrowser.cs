using System.Net;
using System.Text.RegularExpressions;

namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>
/// A browser for tests: keeps cookies per host, follows redirects between the app under test (served in-process, for
/// example by <c>WebApplicationFactory</c>'s <c>Server.CreateHandler()</c>) and a <see cref="LinodeEmulatorServer"/>, and
/// answers the emulator's consent page. Secure cookies are sent to loopback hosts over plain http, as browsers do for
/// localhost, so the correlation cookie of a sign-in survives an http test server. Requests to any other host throw: a
/// test never reaches the network.
/// </summary>
public sealed partial class LinodeTestBrowser : IDisposable
{
    private readonly HttpMessageInvoker _app;
    private readonly HttpMessageInvoker _emulatorClient;
    private readonly Uri _appBase;
    private readonly Uri _emulatorBase;
    private readonly LinodeEmulatorOptions? _emulatorOptions;

    /// <summary>Creates a browser for an app and an emulator.</summary>
    /// <param name="appHandler">Serves the app in-process (e.g. <c>factory.Server.CreateHandler()</c>); disposed with the browser.</param>
    /// <param name="appBaseAddress">The app's address (e.g. <c>factory.Server.BaseAddress</c>, <c>http://localhost/</c>).</param>
    /// <param name="emulator">The emulator the app is pointed at.</param>
    public LinodeTestBrowser(HttpMessageHandler appHandler, Uri appBaseAddress, LinodeEmulatorServer emulator)
        : this(appHandler, appBaseAddress, (emulator ?? throw new ArgumentNullException(nameof(emulator))).BaseAddress) =>
        _emulatorOptions = emulator.Emulator.Options;

    /// <summary>Creates a browser for an app and an emulator known only by its address: one in another process, such as
    /// the <c>linode-emulator</c> tool or an Aspire app host's emulator resource. The consent page is answered when the
    /// emulator shows one (as the user named, or the first user it offers).</summary>
    /// <param name="appHandler">Reaches the app: in-process, or a <see cref="SocketsHttpHandler"/> for an app on a port
    /// (with <c>AllowAutoRedirect</c> and <c>UseCookies</c> off: the browser follows redirects and keeps cookies); disposed with the browser.</param>
    /// <param name="appBaseAddress">The app's address.</param>
    /// <param name="emulatorBaseAddress">The emulator's address, e.g. <c>http://localhost:5070/</c>.</param>
    public LinodeTestBrowser(HttpMessageHandler appHandler, Uri appBaseAddress, Uri emulatorBaseAddress)
    {
        ArgumentNullException.ThrowIfNull(appHandler);
        ArgumentNullException.ThrowIfNull(appBaseAddress);
        ArgumentNullException.ThrowIfNull(emulatorBaseAddress);
        _app = new HttpMessageInvoker(appHandler, disposeHandler: true);
        _emulatorClient = new HttpMessageInvoker(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }, disposeHandler: true);
        _appBase = appBaseAddress;
        _emulatorBase = emulatorBaseAddress;
    }

    /// <summary>The cookies, by host (loopback hosts are keyed as https, see the class remarks).</summary>
    public CookieContainer Cookies { get; } = new();

    /// <summary>Every request sent, in order: the URL and the status it got.</summary>
    public IList<(Uri Url, HttpStatusCode Status)> History { get; } = [];

    /// <summary>Sends one request (a path is taken relative to the app), without following redirects.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels it.</param>
    /// <returns>The response.</returns>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var url = request.RequestUri is { IsAbsoluteUri: true } absolute ? absolute : new Uri(_appBase, request.RequestUri ?? new Uri("/", UriKind.Relative));
        request.RequestUri = url;
        var invoker = SameOrigin(url, _appBase) ? _app
            : SameOrigin(url, _emulatorBase) ? _emulatorClient
            : throw new InvalidOperationException($"The test browser only reaches the app ({_appBase}) and the emulator ({_emulatorBase}), not {url.GetLeftPart(UriPartial.Authority)}.");
        var cookies = Cookies.GetCookieHeader(CookieKey(url));
        if (cookies.Length > 0)
        {
            request.Headers.Add("Cookie", cookies);
        }

        var response = await invoker.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies)
            {
                Cookies.SetCookies(CookieKey(url), setCookie);
            }
        }

        History.Add((url, response.StatusCode));
        return response;
    }

    /// <summary>GETs <paramref name="pathOrUrl"/> and follows redirects (at most 10).</summary>
    /// <param name="pathOrUrl">A path of the app, or an absolute URL of the app or the emulator.</param>
    /// <param name="cancellationToken">Cancels it.</param>
    /// <returns>The first answer that is not a redirect.</returns>
    public Task<HttpResponseMessage> GetAsync(string pathOrUrl, CancellationToken cancellationToken = default) =>
        FollowAsync(new HttpRequestMessage(HttpMethod.Get, ToUri(pathOrUrl)), cancellationToken);

    /// <summary>POSTs a form to <paramref name="pathOrUrl"/> and follows the redirects of the answer.</summary>
    /// <param name="pathOrUrl">A path of the app, or an absolute URL.</param>
    /// <param name="fields">The form fields.</param>
    /// <param name="cancellationToken">Cancels it.</param>
    /// <returns>The first answer that is not a redirect.</returns>
    public Task<HttpResponseMessage> PostFormAsync(string pathOrUrl, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancellationToken = default) =>
        FollowAsync(new HttpRequestMessage(HttpMethod.Post, ToUri(pathOrUrl)) { Content = new FormUrlEncodedContent(fields) }, cancellationToken);

    /// <summary>
    /// Signs in with Linode: opens <paramref name="startPath"/> (a page that challenges Linode, or your sign-in link),
    /// approves on the emulator as <paramref name="username"/> granting <paramref name="grantedScopes"/>, and follows the
    /// callback back into the app. Works with the emulator's <see cref="LinodeEmulatorConsentMode.Interactive"/> consent
    /// page (the form is answered) and with <see cref="LinodeEmulatorConsentMode.AutoApprove"/> (the user and scopes are
    /// set on the emulator's options for the call; an emulator known only by its address approves as it is configured to).
    /// </summary>
    /// <param name="startPath">Where to start; <c>/</c> by default.</param>
    /// <param name="username">A seeded user; the first by default.</param>
    /// <param name="grantedScopes">What the user grants; everything requested by default.</param>
    /// <param name="cancellationToken">Cancels it.</param>
    /// <returns>The app's answer after the sign-in (its page, or its failure page).</returns>
    public async Task<HttpResponseMessage> SignInWithLinodeAsync(string startPath = "/", string? username = null, IEnumerable<string>? grantedScopes = null, CancellationToken cancellationToken = default)
    {
        var options = _emulatorOptions;
        var scopes = grantedScopes?.ToArray();
        if (options is not null && options.ConsentMode != LinodeEmulatorConsentMode.Interactive)
        {
            var (user, granted) = (options.ApprovingUser, options.GrantedScopes);
            options.ApprovingUser = username ?? user;
            options.GrantedScopes = scopes ?? granted;
            try
            {
                return await GetAsync(startPath, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                (options.ApprovingUser, options.GrantedScopes) = (user, granted);
            }
        }

        var consent = await GetAsync(startPath, cancellationToken).ConfigureAwait(false);
        var page = History[^1].Url;
        if (!SameOrigin(page, _emulatorBase))
        {
            return consent; // already signed in, or the app answered without a challenge
        }

        var html = await consent.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        consent.Dispose();
        var fields = HiddenField().Matches(html).Select(match => KeyValuePair.Create(match.Groups[1].Value, WebUtility.HtmlDecode(match.Groups[2].Value))).ToList();
        var offered = OfferedScope().Matches(html).Select(match => WebUtility.HtmlDecode(match.Groups[1].Value));
        fields.AddRange((scopes ?? offered).Select(scope => KeyValuePair.Create("granted", scope)));
        fields.Add(KeyValuePair.Create("user", username ?? options?.Users[0].Username ?? WebUtility.HtmlDecode(OfferedUser().Match(html).Groups[1].Value)));
        fields.Add(KeyValuePair.Create("decision", "approve"));
        return await PostFormAsync(new Uri(page, "authorize").AbsoluteUri, fields, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _app.Dispose();
        _emulatorClient.Dispose();
    }

    private async Task<HttpResponseMessage> FollowAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (var hop = 0; hop < 10; hop++)
        {
            var url = request.RequestUri!;
            var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            request.Dispose();
            if ((int)response.StatusCode is < 300 or >= 400 || response.Headers.Location is not { } location)
            {
                return response;
            }

            response.Dispose();
            request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, location));
        }

        request.Dispose();
        throw new InvalidOperationException("More than 10 redirects.");
    }

    private Uri ToUri(string pathOrUrl) => Uri.TryCreate(pathOrUrl, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal) ? absolute : new Uri(_appBase, pathOrUrl);

    private static bool SameOrigin(Uri url, Uri origin) =>
        string.Equals(url.Scheme, origin.Scheme, StringComparison.OrdinalIgnoreCase) && string.Equals(url.Authority, origin.Authority, StringComparison.OrdinalIgnoreCase);

    /// <summary>Browsers treat loopback origins as secure: keep their cookies under https so Secure cookies flow over http.</summary>
    private static Uri CookieKey(Uri url) =>
        url.Scheme == Uri.UriSchemeHttp && (url.IsLoopback || string.Equals(url.Host, "localhost", StringComparison.OrdinalIgnoreCase))
            ? new UriBuilder(url) { Scheme = Uri.UriSchemeHttps, Port = url.Port }.Uri
            : url;

    [GeneratedRegex("<input type=\"radio\" name=\"user\" value=\"([^\"]*)\"")]
    private static partial Regex OfferedUser();

    [GeneratedRegex("<input type=\"hidden\" name=\"([a-z_]+)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenField();

    [GeneratedRegex("<input type=\"checkbox\" name=\"granted\" checked value=\"([^\"]*)\">")]
    private static partial Regex OfferedScope();
}
