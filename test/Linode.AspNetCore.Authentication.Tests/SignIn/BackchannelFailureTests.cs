using System.Net;
using Linode.AspNetCore.Authentication.Testing;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Linode.AspNetCore.Authentication.Tests.SignIn;

/// <summary>Every way Linode's token and profile endpoints can fail ends in a clear 4xx, never a 5xx or a stack trace.</summary>
public sealed class BackchannelFailureTests
{
    private static LinodeEmulatorFault Fault(string kind) => kind switch
    {
        "400-rfc" => LinodeEmulatorFault.Status(400, "{\"error\":\"invalid_grant\",\"error_description\":\"The code has expired.\"}"),
        "401-linode" => LinodeEmulatorFault.Status(401, "{\"errors\":[{\"reason\":\"Invalid Token\"}]}"),
        "500" => LinodeEmulatorFault.Status(500),
        "403-html" => LinodeEmulatorFault.Html(),
        "429" => LinodeEmulatorFault.RateLimited(30),
        "malformed" => LinodeEmulatorFault.MalformedJson(),
        "200-empty-object" => LinodeEmulatorFault.Status(200, "{}"),
        "200-array" => LinodeEmulatorFault.Status(200, "[]"),
        "502-json-array" => LinodeEmulatorFault.Status(502, "[\"Bad gateway\"]"),
        "slow" => LinodeEmulatorFault.Slow(TimeSpan.FromSeconds(10)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static async Task<(HttpResponseMessage Response, string Body, Exception Failure, LinodeTestHost Host)> SignInWithFaultAsync(string endpoint, string kind)
    {
        var emulator = LinodeTestHost.NewEmulator();
        emulator.Faults.Add(endpoint, Fault(kind));
        var host = await LinodeTestHost.StartAsync(options => options.BackchannelTimeout = TimeSpan.FromMilliseconds(500), emulator: emulator);
        var response = await host.SignInAsync();
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response, body, Assert.Single(host.Failures), host);
    }

    [Theory]
    [InlineData("400-rfc", 400, "invalid_grant", "The code has expired.")]
    [InlineData("401-linode", 401, null, "Invalid Token")]
    [InlineData("500", 500, null, "Injected failure 500")]
    [InlineData("403-html", 403, null, null)]
    public async Task Token_endpoint_error_statuses_carry_status_and_Linodes_error(string kind, int status, string? error, string? description)
    {
        var (response, body, failure, host) = await SignInWithFaultAsync(LinodeEmulatorEndpoint.Token, kind);
        await using var _ = host;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Sign-in with Linode failed. Linode's token endpoint answered " + status, body, StringComparison.Ordinal);
        var typed = Assert.IsType<LinodeAuthenticationFailureException>(failure);
        Assert.Equal(status, typed.StatusCode);
        Assert.Equal(error, typed.Error);
        Assert.Equal(description, typed.ErrorDescription);
        Assert.Equal(status, failure.Data["status"]);
        Assert.Equal(error, failure.Data["error"]);
        Assert.Equal(description, failure.Data["error_description"]);
        var log = Assert.Single(host.Logs.Linode, entry => entry.EventId.Id == 5001);
        Assert.Equal(LogLevel.Warning, log.Level);
        Assert.Empty(host.Emulator.RequestsTo(LinodeEmulatorEndpoint.Profile));
    }

    [Fact]
    public async Task A_json_error_that_is_not_an_object_is_not_taken_for_the_edge_firewall()
    {
        var (response, body, failure, host) = await SignInWithFaultAsync(LinodeEmulatorEndpoint.Token, "502-json-array");
        await using var _ = host;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Sign-in with Linode failed. Linode's token endpoint answered 502 (BadGateway).\n", body);
        Assert.Null(failure.Data["error"]);
        Assert.Null(failure.Data["error_description"]);
    }

    [Fact]
    public async Task An_html_page_from_the_edge_is_reported_as_such()
    {
        var (_, body, _, host) = await SignInWithFaultAsync(LinodeEmulatorEndpoint.Token, "403-html");
        await using var _ = host;

        Assert.Contains("text/html", body, StringComparison.Ordinal);
        Assert.Contains("edge firewall", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("malformed")]
    [InlineData("200-empty-object")]
    [InlineData("200-array")]
    public async Task A_token_answer_without_an_access_token_fails_cleanly(string kind)
    {
        var (response, body, failure, host) = await SignInWithFaultAsync(LinodeEmulatorEndpoint.Token, kind);
        await using var _ = host;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("without a JSON object carrying an access_token", body, StringComparison.Ordinal);
        Assert.Equal("invalid_token_response", failure.Data["error"]);
        Assert.Contains(host.Logs.Linode, entry => entry.EventId.Id == 5003);
    }

    [Theory]
    [InlineData("401-linode", 401, "Invalid Token")]
    [InlineData("429", 429, "Too many requests")]
    [InlineData("500", 500, "Injected failure 500")]
    public async Task Profile_error_statuses_carry_status_and_reason(string kind, int status, string reason)
    {
        var (response, body, failure, host) = await SignInWithFaultAsync(LinodeEmulatorEndpoint.Profile, kind);
        await using var _ = host;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Sign-in with Linode failed. Linode's profile endpoint answered " + status, body, StringComparison.Ordinal);
        Assert.Equal(status, failure.Data["status"]);
        Assert.Equal(reason, failure.Data["error_description"]);
    }

    [Fact]
    public async Task A_rate_limited_profile_reports_when_to_retry()
    {
        var (_, body, failure, host) = await SignInWithFaultAsync(LinodeEmulatorEndpoint.Profile, "429");
        await using var _ = host;

        Assert.Equal(30, failure.Data["retry_after"]);
        Assert.Contains("retry after 30 s", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("malformed")]
    [InlineData("200-empty-object")]
    [InlineData("200-array")]
    public async Task A_profile_that_is_not_a_profile_fails_cleanly(string kind)
    {
        var (response, body, failure, host) = await SignInWithFaultAsync(LinodeEmulatorEndpoint.Profile, kind);
        await using var _ = host;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("without a JSON profile carrying a uid", body, StringComparison.Ordinal);
        Assert.Equal("invalid_profile_response", failure.Data["error"]);
    }

    [Fact]
    public async Task A_failure_page_is_not_cached_and_is_plain_text_in_production()
    {
        var (response, body, _, host) = await SignInWithFaultAsync(LinodeEmulatorEndpoint.Token, "500");
        await using var _ = host;

        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Sign-in with Linode failed. Linode's token endpoint answered 500 (InternalServerError).\n", body);
    }

    [Theory]
    [InlineData("?error=access_denied", HttpStatusCode.Forbidden, "Sign-in with Linode was cancelled: access was denied on Linode's consent page.\n")]
    [InlineData("?error=server_error", HttpStatusCode.BadRequest, "Sign-in with Linode failed. Linode answered with the error 'server_error'.\n")]
    [InlineData("?error=%3Cscript%3E", HttpStatusCode.BadRequest, "Sign-in with Linode failed. Linode answered with an error.\n")]
    public async Task The_failure_page_says_what_happened_and_never_echoes_what_is_not_a_code(string query, HttpStatusCode status, string expected)
    {
        await using var host = await LinodeTestHost.StartAsync();
        using var challenge = await host.Browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, LinodeTestHost.AppBase + "/me"));
        var state = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(challenge.Headers.Location!.Query)["state"].ToString();

        using var response = await host.Browser.SendAsync(new HttpRequestMessage(HttpMethod.Get, LinodeTestHost.AppBase + "/signin-linode" + query + "&state=" + Uri.EscapeDataString(state)));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(199)]
    [InlineData(200)]
    [InlineData(201)]
    [InlineData(5000)]
    public async Task The_failure_page_shows_an_ASP_NET_Core_failure_message_cut_at_200_characters(int length)
    {
        var message = string.Concat(Enumerable.Range(0, length).Select(index => (char)('a' + (index % 26))));
        await using var host = await LinodeTestHost.StartAsync(options => options.Events.OnCreatingTicket = _ => throw new AuthenticationFailureException(message));

        using var response = await host.SignInAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Sign-in with Linode failed. " + message[..Math.Min(length, 200)] + "\n", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_failure_page_never_shows_the_message_of_an_apps_own_exception()
    {
        await using var host = await LinodeTestHost.StartAsync(options => options.Events.OnCreatingTicket = _ =>
            throw new InvalidOperationException("Server=db.internal;Password=hunter2"));

        using var response = await host.SignInAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Sign-in with Linode failed. The sign-in could not be completed.\n", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Server=db.internal;Password=hunter2", Assert.Single(host.Failures).Message);
    }

    [Theory]
    [InlineData(LinodeEmulatorEndpoint.Token)]
    [InlineData(LinodeEmulatorEndpoint.Profile)]
    public async Task An_endpoint_that_does_not_answer_in_time_fails_with_timeout(string endpoint)
    {
        var (response, body, failure, host) = await SignInWithFaultAsync(endpoint, "slow");
        await using var _ = host;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("could not be reached: no answer within the back-channel timeout of 0.5 s", body, StringComparison.Ordinal);
        Assert.Equal("timeout", failure.Data["error"]);
        Assert.Contains(host.Logs.Linode, entry => entry.EventId.Id == 5002);
    }

    [Theory]
    [InlineData(90, 90)]
    [InlineData(-90, 0)]
    public async Task A_Retry_After_date_is_read_against_the_apps_clock_and_one_already_past_means_no_wait(int secondsFromNow, int retryAfter)
    {
        var emulator = LinodeTestHost.NewEmulator();
        await using var host = await LinodeTestHost.StartAsync(emulator: emulator);
        var retryAt = host.Time.GetUtcNow().AddSeconds(secondsFromNow);
        emulator.Faults.Add(LinodeEmulatorEndpoint.Profile, new LinodeEmulatorFault
        {
            StatusCode = 429,
            Body = "{\"errors\":[{\"reason\":\"Too many requests\"}]}",
            Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Retry-After"] = retryAt.ToString("R", System.Globalization.CultureInfo.InvariantCulture) },
        });

        using var response = await host.SignInAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var failure = Assert.Single(host.Failures);
        Assert.Equal(retryAfter, failure.Data["retry_after"]);
        Assert.Equal($"Linode's profile endpoint answered 429 (TooManyRequests); retry after {retryAfter} s.", failure.Message);
    }

    [Fact]
    public async Task An_error_answer_is_logged_with_Linodes_error_code()
    {
        var emulator = LinodeTestHost.NewEmulator();
        emulator.Faults.Add(LinodeEmulatorEndpoint.Token, LinodeEmulatorFault.Status(400, "{\"error\":\"invalid_grant\"}"));
        await using var host = await LinodeTestHost.StartAsync(emulator: emulator);

        using var response = await host.SignInAsync();

        var log = Assert.Single(host.Logs.Linode, entry => entry.EventId.Id == 5001);
        Assert.Equal("Linode's token endpoint answered 400 with error code 'invalid_grant'.", log.Formatted);
    }

    [Fact]
    public async Task A_refused_connection_to_the_token_endpoint_fails_as_unreachable()
    {
        await using var host = await LinodeTestHost.StartAsync(addSchemes: (authentication, test) => authentication.AddLinode(options =>
        {
            test.Instrument(options);
            options.BackchannelHttpHandler = new RefusingPath("/oauth/token", test.Emulator.CreateHttpMessageHandler());
        }));

        using var response = await host.SignInAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var failure = Assert.Single(host.Failures);
        Assert.Equal("Linode's token endpoint could not be reached: the connection failed.", failure.Message);
        Assert.Equal("unreachable", failure.Data["error"]);
        Assert.IsType<HttpRequestException>(failure.InnerException);
    }

    [Fact]
    public async Task A_profile_answer_without_a_profile_is_logged_with_its_status_and_content_type()
    {
        var (_, _, _, host) = await SignInWithFaultAsync(LinodeEmulatorEndpoint.Profile, "200-empty-object");
        await using var _ = host;

        var log = Assert.Single(host.Logs.Linode, entry => entry.EventId.Id == 5003);
        Assert.Equal("Linode's profile endpoint answered 200 with a body that is not the JSON Linode sends (content type 'application/json').", log.Formatted);
    }
}
