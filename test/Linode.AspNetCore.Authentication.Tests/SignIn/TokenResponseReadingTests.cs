using System.Net;
using Linode.AspNetCore.Authentication.Testing;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;

namespace Linode.AspNetCore.Authentication.Tests.SignIn;

/// <summary>The edges of what Linode's token endpoint may answer, each a clear failure (or a clear message) rather than a
/// user signed in on a bad token or a misleading reason.</summary>
public sealed class TokenResponseReadingTests
{
    private static async Task<(string Body, Exception Failure, LinodeTestHost Host)> SignInWithTokenAnswerAsync(int status, string body, string contentType = "application/json")
    {
        var emulator = LinodeTestHost.NewEmulator();
        emulator.Faults.Add(LinodeEmulatorEndpoint.Token, new LinodeEmulatorFault { StatusCode = status, Body = body, ContentType = contentType });
        var host = await LinodeTestHost.StartAsync(emulator: emulator);
        using var response = await host.SignInAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), Assert.Single(host.Failures), host);
    }

    [Theory]
    [InlineData("{\"access_token\":\"\",\"token_type\":\"bearer\",\"expires_in\":7200}")]
    [InlineData("{\"access_token\":null,\"token_type\":\"bearer\"}")]
    [InlineData("{\"access_token\":42}")]
    public async Task An_empty_or_non_string_access_token_is_refused(string body)
    {
        var (text, failure, host) = await SignInWithTokenAnswerAsync(200, body);
        await using var _ = host;

        Assert.Equal("Sign-in with Linode failed. Linode's token endpoint answered 200 without a JSON object carrying an access_token.\n", text);
        Assert.Equal("invalid_token_response", failure.Data["error"]);
        Assert.Empty(host.Emulator.RequestsTo(LinodeEmulatorEndpoint.Profile));
    }

    [Theory]
    [InlineData("{\"error\":42,\"error_description\":\"x\"}", null)]
    [InlineData("{\"error\":{\"code\":\"invalid_grant\"}}", null)]
    [InlineData("{\"error\":\"" + "a234567890123456789012345678901234567890123456789012345678901234" + "\"}", "a234567890123456789012345678901234567890123456789012345678901234")]
    [InlineData("{\"error\":\"" + "a2345678901234567890123456789012345678901234567890123456789012345" + "\"}", null)]
    [InlineData("{\"error\":\"\"}", null)]
    public async Task Only_a_code_shaped_string_error_of_at_most_64_characters_is_quoted(string body, string? quoted)
    {
        var (text, _, host) = await SignInWithTokenAnswerAsync(400, body);
        await using var _ = host;

        if (quoted is null)
        {
            Assert.Equal("Sign-in with Linode failed. Linode's token endpoint answered 400 (BadRequest).\n", text);
        }
        else
        {
            Assert.Equal($"Sign-in with Linode failed. Linode's token endpoint answered 400 (BadRequest) with error '{quoted}'.\n", text);
        }
    }

    [Fact]
    public async Task A_json_error_without_a_code_is_not_reported_as_the_edge_firewall()
    {
        var (text, failure, host) = await SignInWithTokenAnswerAsync(403, "{\"errors\":[{\"reason\":\"Forbidden\"}]}");
        await using var _ = host;

        Assert.DoesNotContain("edge firewall", text, StringComparison.Ordinal);
        Assert.Equal("Forbidden", failure.Data["error_description"]);
        Assert.Equal(403, failure.Data["status"]);
    }

    [Fact]
    public async Task An_html_page_is_reported_as_the_edge_firewall()
    {
        var (text, _, host) = await SignInWithTokenAnswerAsync(403, "<html><body>Access denied</body></html>", "text/html");
        await using var _ = host;

        Assert.Equal("Sign-in with Linode failed. Linode's token endpoint answered 403 (Forbidden) with a text/html body (an edge firewall may have rejected the request).\n", text);
    }

    [Fact]
    public async Task OnCreatingTicket_runs_with_the_tokens_and_the_profile_and_its_claims_are_kept()
    {
        await using var host = await LinodeTestHost.StartAsync(options => options.Events.OnCreatingTicket = context =>
        {
            Assert.False(string.IsNullOrEmpty(context.AccessToken));
            context.Identity!.AddClaim(new System.Security.Claims.Claim("app:username", context.User.GetProperty("username").GetString()!));
            return Task.CompletedTask;
        });

        var me = await host.GetMeAsync();

        Assert.Equal("exampleUser", Assert.Single(me.ValuesOf("app:username")));
    }

    [Theory]
    [InlineData("{\"scopes\":[\"linodes:read_only\",5,null,\"events:read_only\"]}", true, "linodes:read_only events:read_only")]
    [InlineData("{\"scope\":[\"domains:read_write\"]}", true, "domains:read_write")]
    [InlineData("{\"scopes\":[]}", true, "")]
    [InlineData("{\"scopes\":42}", false, "")]
    [InlineData("{}", false, "")]
    public void Scopes_granted_as_a_json_array_count_and_non_strings_in_it_are_ignored(string answer, bool present, string scopes)
    {
        using var document = System.Text.Json.JsonDocument.Parse(answer);

        var granted = LinodeGrantedScopes.Read(document.RootElement, out var wasPresent);

        Assert.Equal(present, wasPresent);
        Assert.Equal(scopes, granted.ToString(" "));
    }

    [Fact]
    public void A_token_answer_that_is_not_an_object_grants_nothing()
    {
        Assert.Empty(LinodeGrantedScopes.Read(default, out var present));
        Assert.False(present);
        using var array = System.Text.Json.JsonDocument.Parse("[\"linodes:read_only\"]");
        Assert.Empty(LinodeGrantedScopes.Read(array.RootElement, out present));
        Assert.False(present);
    }

    [Fact]
    public void Of_several_errors_Linode_lists_the_first_reason_is_the_description()
    {
        var error = LinodeErrorBody.Parse("{\"errors\":[{\"field\":\"x\"},{\"reason\":\"First reason\"},{\"reason\":\"Second reason\"}]}");

        Assert.Equal("First reason", error.Description);
        Assert.Null(error.Code);
    }

    [Fact]
    public async Task A_malformed_token_answer_and_an_error_without_a_code_are_logged_with_what_Linode_sent()
    {
        var (_, _, host) = await SignInWithTokenAnswerAsync(200, "<html>not json</html>", "text/html");
        await using var _ = host;

        var malformed = Assert.Single(host.Logs.Linode, entry => entry.EventId.Id == 5003);
        Assert.Equal("Linode's token endpoint answered 200 with a body that is not the JSON Linode sends (content type 'text/html').", malformed.Formatted);

        var (_, _, second) = await SignInWithTokenAnswerAsync(500, "{}");
        await using var __ = second;
        var failed = Assert.Single(second.Logs.Linode, entry => entry.EventId.Id == 5001);
        Assert.Equal("Linode's token endpoint answered 500 with error code 'none'.", failed.Formatted);
    }
}
