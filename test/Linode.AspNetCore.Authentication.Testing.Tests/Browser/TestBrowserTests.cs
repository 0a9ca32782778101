using System.Net;

namespace Linode.AspNetCore.Authentication.Testing.Tests.Browser;

/// <summary>The shipped test browser, driving a generic OAuth app through the emulator: sign-in in both consent modes,
/// cookies that survive an http test server, redirects, forms, and no request beyond the app and the emulator.</summary>
public sealed class TestBrowserTests
{
    [Fact]
    public async Task With_automatic_consent_it_signs_in_as_the_user_with_the_scopes_it_names_and_restores_the_emulators_settings()
    {
        await using var app = await OAuthClientApp.StartAsync();
        using var browser = app.CreateBrowser();

        using var page = await browser.SignInWithLinodeAsync(username: "restrictedUser", grantedScopes: ["linodes:read_only"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("signed in: linodes:read_only", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var token = Assert.Single(app.Emulator.Emulator.Tokens);
        Assert.Equal("restrictedUser", token.User.Username);
        Assert.Null(app.Emulator.Emulator.Options.ApprovingUser);
        Assert.Null(app.Emulator.Emulator.Options.GrantedScopes);
    }

    [Fact]
    public async Task With_automatic_consent_and_no_choices_it_grants_what_the_app_asked_as_the_emulators_approving_user()
    {
        await using var app = await OAuthClientApp.StartAsync(emulator => emulator.Options.ApprovingUser = "restrictedUser");
        using var browser = app.CreateBrowser();

        using var page = await browser.SignInWithLinodeAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("signed in: linodes:read_only domains:read_only", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("restrictedUser", Assert.Single(app.Emulator.Emulator.Tokens).User.Username);
        Assert.Equal("restrictedUser", app.Emulator.Emulator.Options.ApprovingUser);
    }

    [Fact]
    public async Task On_the_consent_page_it_ticks_the_scopes_it_names_as_the_user_it_names()
    {
        await using var app = await OAuthClientApp.StartAsync(emulator => emulator.Options.ConsentMode = LinodeEmulatorConsentMode.Interactive);
        using var browser = app.CreateBrowser();

        using var page = await browser.SignInWithLinodeAsync(username: "restrictedUser", grantedScopes: ["domains:read_only"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("signed in: domains:read_only", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("restrictedUser", Assert.Single(app.Emulator.Emulator.Tokens).User.Username);
        Assert.Contains(browser.History, hop => hop.Url.AbsolutePath == "/oauth/authorize" && hop.Url.Authority == app.Emulator.BaseAddress.Authority);
    }

    [Fact]
    public async Task Knowing_the_emulator_by_its_address_only_it_answers_the_consent_page_as_the_first_offered_user()
    {
        await using var app = await OAuthClientApp.StartAsync(emulator =>
        {
            emulator.Options.ConsentMode = LinodeEmulatorConsentMode.Interactive;
            emulator.Options.Users.Insert(0, new LinodeEmulatorUser(77, "firstOffered", "first@example.com"));
        });
        using var browser = app.CreateBrowserForAddress();

        using var page = await browser.SignInWithLinodeAsync(grantedScopes: ["domains:read_only"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("signed in: domains:read_only", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("firstOffered", Assert.Single(app.Emulator.Emulator.Tokens).User.Username);
    }

    [Fact]
    public async Task Knowing_the_emulator_by_its_address_only_an_automatic_approval_is_followed_as_the_emulator_is_configured()
    {
        await using var app = await OAuthClientApp.StartAsync(emulator => emulator.Options.ApprovingUser = "restrictedUser");
        using var browser = app.CreateBrowserForAddress();

        using var page = await browser.SignInWithLinodeAsync(username: "exampleUser", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("signed in: linodes:read_only domains:read_only", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("restrictedUser", Assert.Single(app.Emulator.Emulator.Tokens).User.Username);
        Assert.Throws<ArgumentNullException>(() => new LinodeTestBrowser(new HttpClientHandler(), new Uri("http://localhost/"), (Uri)null!));
    }

    [Fact]
    public async Task On_the_consent_page_without_choices_it_approves_every_offered_scope_as_the_first_user()
    {
        await using var app = await OAuthClientApp.StartAsync(emulator => emulator.Options.ConsentMode = LinodeEmulatorConsentMode.Interactive);
        using var browser = app.CreateBrowser();

        using var page = await browser.SignInWithLinodeAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("signed in: linodes:read_only domains:read_only", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(app.Emulator.Emulator.Options.Users[0].Username, Assert.Single(app.Emulator.Emulator.Tokens).User.Username);
    }

    [Fact]
    public async Task A_signed_in_browser_gets_the_app_page_again_without_a_consent()
    {
        await using var app = await OAuthClientApp.StartAsync(emulator => emulator.Options.ConsentMode = LinodeEmulatorConsentMode.Interactive);
        using var browser = app.CreateBrowser();
        using (await browser.SignInWithLinodeAsync(cancellationToken: TestContext.Current.CancellationToken))
        {
        }

        var hops = browser.History.Count;
        using var again = await browser.SignInWithLinodeAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.StartsWith("signed in: ", await again.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(hops + 1, browser.History.Count);
        Assert.Single(app.Emulator.Emulator.Tokens);
    }

    [Fact]
    public async Task Cookies_the_app_marks_Secure_flow_over_the_http_test_server_and_are_kept_per_host()
    {
        await using var app = await OAuthClientApp.StartAsync();
        using var browser = app.CreateBrowser();

        using (await browser.SignInWithLinodeAsync(cancellationToken: TestContext.Current.CancellationToken))
        {
        }

        // The correlation cookie is Secure: kept under https for localhost, and so sent back over http.
        Assert.NotEmpty(browser.Cookies.GetCookies(new Uri("https://localhost/")));
        Assert.Empty(browser.Cookies.GetCookies(new Uri("https://example.com/")));
        Assert.Equal([HttpStatusCode.Found, HttpStatusCode.Found, HttpStatusCode.Found, HttpStatusCode.OK], browser.History.Select(hop => hop.Status));
        Assert.Equal(new Uri("http://localhost/"), browser.History[0].Url);
    }

    [Fact]
    public async Task A_request_to_any_other_host_throws_naming_the_two_it_may_reach()
    {
        await using var app = await OAuthClientApp.StartAsync();
        using var browser = app.CreateBrowser();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => browser.GetAsync("https://api.linode.com/v4/profile", TestContext.Current.CancellationToken));

        Assert.Equal($"The test browser only reaches the app (http://localhost/) and the emulator ({app.Emulator.BaseAddress}), not https://api.linode.com.", refused.Message);
        Assert.Empty(browser.History);
    }

    [Fact]
    public async Task A_form_is_posted_and_its_redirect_followed()
    {
        await using var app = await OAuthClientApp.StartAsync();
        using var browser = app.CreateBrowser();

        using var echoed = await browser.PostFormAsync("/echo", [KeyValuePair.Create("value", "a b&c")], TestContext.Current.CancellationToken);

        Assert.Equal("echoed a b&c", await echoed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal([(new Uri("http://localhost/echo"), HttpStatusCode.Found), (new Uri("http://localhost/echoed?value=a%20b%26c"), HttpStatusCode.OK)], browser.History);
    }

    [Fact]
    public async Task More_than_ten_redirects_throw()
    {
        await using var app = await OAuthClientApp.StartAsync();
        using var browser = app.CreateBrowser();

        var looped = await Assert.ThrowsAsync<InvalidOperationException>(() => browser.GetAsync("/loop", TestContext.Current.CancellationToken));

        Assert.Equal("More than 10 redirects.", looped.Message);
        Assert.Equal(10, browser.History.Count);
    }

    [Fact]
    public async Task One_request_is_sent_as_is_relative_to_the_app_or_to_the_emulator_by_its_address()
    {
        await using var app = await OAuthClientApp.StartAsync();
        using var browser = app.CreateBrowser();

        using var toApp = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/loop"), TestContext.Current.CancellationToken);
        using var toEmulator = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(app.Emulator.Endpoints.Api, "regions")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Found, toApp.StatusCode);
        Assert.Equal("/loop", toApp.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, toEmulator.StatusCode);
        Assert.Contains("\"us-east\"", await toEmulator.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_configuration_for_a_scheme_names_the_client_the_four_endpoints_and_the_API_root()
    {
        await using var app = await OAuthClientApp.StartAsync();
        var client = new LinodeEmulatorClient("fedcba9876543210fedc", "another-secret", "http://localhost/signin-other");

        var settings = LinodeEmulatorConfiguration.For(app.Emulator, "Other", client);

        var root = app.Emulator.BaseAddress.AbsoluteUri;
        Assert.Equal(new Dictionary<string, string?>
        {
            ["Authentication:Schemes:Other:ClientId"] = "fedcba9876543210fedc",
            ["Authentication:Schemes:Other:ClientSecret"] = "another-secret",
            ["Authentication:Schemes:Other:AuthorizationEndpoint"] = root + "oauth/authorize",
            ["Authentication:Schemes:Other:TokenEndpoint"] = root + "oauth/token",
            ["Authentication:Schemes:Other:UserInformationEndpoint"] = root + "v4/profile",
            ["Authentication:Schemes:Other:RevocationEndpoint"] = root + "oauth/revoke",
            ["LinodeApi:BaseAddress"] = root + "v4/",
        }, settings.ToDictionary());
        Assert.Equal(settings, LinodeEmulatorConfiguration.ForAddress(new Uri(root.TrimEnd('/')), client.ClientId, client.ClientSecret, "Other"));
        Assert.Throws<ArgumentNullException>(() => LinodeEmulatorConfiguration.ForAddress(null!));
        Assert.Throws<ArgumentException>(() => LinodeEmulatorConfiguration.ForAddress(app.Emulator.BaseAddress, ""));
        Assert.Equal(LinodeEmulatorClient.DefaultClientId, LinodeEmulatorConfiguration.For(app.Emulator)["authentication:schemes:linode:clientid"]);
        Assert.Throws<ArgumentException>(() => LinodeEmulatorConfiguration.For(app.Emulator, ""));
        Assert.Throws<ArgumentNullException>(() => LinodeEmulatorConfiguration.For((LinodeEmulatorServer)null!));
    }

    [Theory]
    [InlineData("restrictedUser", "linodes:read_only", "exampleUser", null, "exampleUser", "signed in: linodes:read_only")]
    [InlineData(null, "domains:read_only", null, "linodes:read_only", "exampleUser", "signed in: linodes:read_only")]
    [InlineData("restrictedUser", "domains:read_only", null, null, "restrictedUser", "signed in: domains:read_only")]
    public async Task What_the_call_names_wins_over_the_emulators_settings_and_what_it_leaves_out_keeps_them(
        string? presetUser, string? presetScope, string? username, string? scope, string signedInAs, string page)
    {
        await using var app = await OAuthClientApp.StartAsync(emulator =>
        {
            emulator.Options.ApprovingUser = presetUser;
            emulator.Options.GrantedScopes = presetScope is null ? null : [presetScope];
        });
        using var browser = app.CreateBrowser();

        using var answer = await browser.SignInWithLinodeAsync(username: username, grantedScopes: scope is null ? null : [scope], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(page, await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(signedInAs, Assert.Single(app.Emulator.Emulator.Tokens).User.Username);
        Assert.Equal(presetUser, app.Emulator.Emulator.Options.ApprovingUser);
        Assert.Equal(presetScope, app.Emulator.Emulator.Options.GrantedScopes?.Single());
    }

    [Theory]
    [InlineData(300, "echoed followed")]
    [InlineData(308, "echoed followed")]
    [InlineData(399, "echoed followed")]
    [InlineData(200, "")]
    [InlineData(400, "")]
    public async Task Only_a_3xx_answer_with_a_location_is_followed(int status, string page)
    {
        await using var app = await OAuthClientApp.StartAsync();
        using var browser = app.CreateBrowser();

        using var answer = await browser.GetAsync("/status/" + status, TestContext.Current.CancellationToken);

        Assert.Equal(page.Length > 0 ? HttpStatusCode.OK : (HttpStatusCode)status, answer.StatusCode);
        Assert.Equal(page, await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(page.Length > 0 ? 2 : 1, browser.History.Count);
    }

    [Fact]
    public async Task Disposing_the_browser_disposes_the_apps_handler()
    {
        await using var app = await OAuthClientApp.StartAsync();
        var handler = app.CreateRecordingHandler();
        var browser = new LinodeTestBrowser(handler, new Uri("http://localhost/"), app.Emulator);

        browser.Dispose();

        Assert.True(handler.IsDisposed);
    }

    [Fact]
    public async Task Missing_arguments_are_refused_by_name()
    {
        await using var app = await OAuthClientApp.StartAsync();
        using var handler = new HttpClientHandler();
        using var browser = app.CreateBrowser();

        Assert.Equal("appHandler", Assert.Throws<ArgumentNullException>(() => new LinodeTestBrowser(null!, new Uri("http://localhost/"), app.Emulator)).ParamName);
        Assert.Equal("appBaseAddress", Assert.Throws<ArgumentNullException>(() => new LinodeTestBrowser(handler, null!, app.Emulator)).ParamName);
        Assert.Equal("emulator", Assert.Throws<ArgumentNullException>(() => new LinodeTestBrowser(handler, new Uri("http://localhost/"), (LinodeEmulatorServer)null!)).ParamName);
        Assert.Equal("request", (await Assert.ThrowsAsync<ArgumentNullException>(() => browser.SendAsync(null!, TestContext.Current.CancellationToken))).ParamName);
    }
}
