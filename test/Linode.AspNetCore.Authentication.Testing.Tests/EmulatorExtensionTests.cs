using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Linode.AspNetCore.Authentication.Testing.Tests;

/// <summary>An API endpoint a test adds with <see cref="LinodeEmulator.MapApi"/> gets what the built-in ones get: the
/// token and scope checks, 405 for a method it does not serve, faults, counts and records.</summary>
public sealed class EmulatorExtensionTests
{
    private static readonly Domain[] Domains = [new(1, "example.org", "master"), new(2, "example.net", "slave")];

    [Fact]
    public async Task An_added_endpoint_answers_a_token_holding_its_scope_in_Linodes_paged_shape_with_snake_case_names()
    {
        await using var client = new EmulatorClient();
        client.Emulator.MapApi("Domains", HttpMethods.Get, "/v4/domains", "domains:read_only", call => call.Page(Domains));
        var token = client.Emulator.IssueAccessToken("exampleUser", ["domains:read_only"]).AccessToken;

        using var response = await client.GetApiAsync("domains", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["example.org", "example.net"], json.RootElement.GetProperty("data").EnumerateArray().Select(domain => domain.GetProperty("domain_name").GetString()));
        Assert.Equal(2, json.RootElement.GetProperty("results").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("pages").GetInt32());
        Assert.Equal("domains:read_only", response.Headers.GetValues("X-Accepted-OAuth-Scopes").Single());
        Assert.Equal("domains:read_only", response.Headers.GetValues("X-OAuth-Scopes").Single());
        Assert.True(response.Headers.Contains("X-Spec-Version"));
        var recorded = Assert.Single(client.Emulator.RequestsTo("Domains"));
        Assert.Equal("Domains", recorded.Endpoint);
        Assert.Equal("Bearer " + token, recorded.Headers["Authorization"]);
        Assert.Equal(1, client.Emulator.RequestCount("Domains"));
    }

    [Theory]
    [InlineData(null, "Invalid Token")]
    [InlineData("linodes:read_only", "Your OAuth token is not authorized to use this endpoint.")]
    [InlineData("revoked", "Invalid Token")]
    public async Task An_added_endpoint_refuses_a_missing_dead_or_unscoped_token_as_the_API_does_and_its_handler_never_runs(string? grant, string reason)
    {
        await using var client = new EmulatorClient();
        var calls = 0;
        client.Emulator.MapApi("Domains", HttpMethods.Get, "/v4/domains", "domains:read_only", call =>
        {
            calls++;
            return call.Page(Domains);
        });
        string? token = null;
        if (grant is not null)
        {
            token = client.Emulator.IssueAccessToken("exampleUser", [grant == "revoked" ? "domains:read_only" : grant]).AccessToken;
        }

        if (grant == "revoked")
        {
            using var revoked = await client.Http.PostAsync("oauth/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["client_id"] = LinodeEmulatorClient.DefaultClientId,
                ["client_secret"] = LinodeEmulatorClient.DefaultClientSecret,
                ["token"] = token!,
            }), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        }

        using var response = await client.GetApiAsync("domains", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(reason, await ReasonAsync(response));
        Assert.Equal(0, calls);
    }

    [Theory]
    [InlineData("domains:read_write")]
    [InlineData("*")]
    public async Task A_read_write_or_full_grant_holds_an_added_endpoints_read_only_scope(string grant)
    {
        await using var client = new EmulatorClient();
        client.Emulator.MapApi("Domains", HttpMethods.Get, "/v4/domains", "domains:read_only", call => call.Page(Domains));

        using var response = await client.GetApiAsync("domains", client.Emulator.IssueAccessToken("exampleUser", [grant]).AccessToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Each_method_has_its_own_scope_the_handler_reads_the_route_values_and_the_body_and_other_methods_are_405()
    {
        await using var client = new EmulatorClient();
        client.Emulator.MapApi("Domain", HttpMethods.Get, "/v4/domains/{id:long}", "domains:read_only",
            call => Domains.FirstOrDefault(domain => domain.Id == Convert.ToInt64(call.HttpContext.GetRouteValue("id"), System.Globalization.CultureInfo.InvariantCulture)) is { } found
                ? call.Json(found)
                : call.Error(StatusCodes.Status404NotFound, "Not found"));
        client.Emulator.MapApi("Domain", HttpMethods.Put, "/v4/domains/{id:long}", "domains:read_write",
            call => call.Json(new { received = JsonDocument.Parse(call.Body!).RootElement.GetProperty("soa_email").GetString(), user = call.Token!.User.Username }));
        var readOnly = client.Emulator.IssueAccessToken("exampleUser", ["domains:read_only"]).AccessToken;
        var readWrite = client.Emulator.IssueAccessToken("exampleUser", ["domains:read_write"]).AccessToken;

        using var found = await client.GetApiAsync("domains/2", readOnly);
        using var missing = await client.GetApiAsync("domains/9", readOnly);
        using var putWithoutWrite = await client.SendApiAsync(HttpMethod.Put, "domains/2", readOnly, """{"soa_email":"admin@example.net"}""");
        using var put = await client.SendApiAsync(HttpMethod.Put, "domains/2", readWrite, """{"soa_email":"admin@example.net"}""");
        using var delete = await client.SendApiAsync(HttpMethod.Delete, "domains/2", readWrite);

        Assert.Equal("example.net", JsonDocument.Parse(await found.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("domain_name").GetString());
        Assert.Equal((HttpStatusCode.NotFound, "Not found"), (missing.StatusCode, await ReasonAsync(missing)));
        Assert.Equal(HttpStatusCode.Unauthorized, putWithoutWrite.StatusCode);
        using var answer = JsonDocument.Parse(await put.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(("admin@example.net", "exampleUser"), (answer.RootElement.GetProperty("received").GetString(), answer.RootElement.GetProperty("user").GetString()));
        Assert.Equal((HttpStatusCode.MethodNotAllowed, "Method Not Allowed"), (delete.StatusCode, await ReasonAsync(delete)));
        Assert.Equal(5, client.Emulator.RequestCount("Domain"));
    }

    [Fact]
    public async Task A_fault_armed_at_an_added_endpoint_answers_instead_of_it_and_then_the_endpoint_answers_again()
    {
        await using var client = new EmulatorClient();
        client.Emulator.MapApi("Domains", HttpMethods.Get, "/v4/domains", "domains:read_only", call => call.Page(Domains));
        client.Emulator.Faults.Add("Domains", LinodeEmulatorFault.RateLimited(7), times: 1);
        var token = client.Emulator.IssueAccessToken("exampleUser", ["domains:read_only"]).AccessToken;

        using var limited = await client.GetApiAsync("domains", token);
        using var served = await client.GetApiAsync("domains", token);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("7", limited.Headers.GetValues("Retry-After").Single());
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(2, client.Emulator.RequestsTo("Domains").Count);
    }

    [Fact]
    public async Task A_public_endpoint_needs_no_token_and_an_added_one_replaces_a_built_in_under_its_name()
    {
        await using var client = new EmulatorClient();
        client.Emulator.MapPublicApi(nameof(LinodeEmulatorEndpoint.Regions), HttpMethods.Get, "/v4/regions", call => call.Page([new { id = "nl-ams", label = "Amsterdam, NL" }]));

        using var response = await client.GetApiAsync("regions", token: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("nl-ams", json.RootElement.GetProperty("data")[0].GetProperty("id").GetString());
        Assert.Equal(LinodeEmulatorEndpoint.Regions, Assert.Single(client.Emulator.RequestsTo(LinodeEmulatorEndpoint.Regions)).Endpoint);
        Assert.Equal(1, client.Emulator.RequestCount(LinodeEmulatorEndpoint.Regions));
    }

    [Fact]
    public async Task An_endpoint_added_while_the_emulator_serves_is_routed_from_the_next_request()
    {
        await using var client = new EmulatorClient();
        var token = client.Emulator.IssueAccessToken("exampleUser", ["domains:read_only"]).AccessToken;
        using var before = await client.GetApiAsync("domains", token);

        client.Emulator.MapApi("Domains", HttpMethods.Get, "/v4/domains", "domains:read_only", call => call.Page(Domains));
        using var after = await client.GetApiAsync("domains", token);

        Assert.Equal((HttpStatusCode.NotFound, "Not found"), (before.StatusCode, await ReasonAsync(before)));
        Assert.Equal(LinodeEmulatorEndpoint.Unknown, client.Emulator.Requests[0].Endpoint);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public void An_endpoint_outside_the_API_or_a_second_name_for_a_pattern_is_refused_with_the_reason()
    {
        using var emulator = new LinodeEmulator();

        var outside = Assert.Throws<ArgumentException>(() => emulator.MapApi("Token", HttpMethods.Post, "/oauth/token", null, call => call.Json(null)));
        var renamed = Assert.Throws<ArgumentException>(() => emulator.MapApi("MyInstances", HttpMethods.Put, "/v4/linode/instances", null, call => call.Json(null)));

        Assert.Contains("/v4/", outside.Message, StringComparison.Ordinal);
        Assert.Contains("'LinodeInstances'", renamed.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => emulator.MapApi("Domains", HttpMethods.Get, "/v4/domains", null, null!));
    }

    private static async Task<string?> ReasonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("errors")[0].GetProperty("reason").GetString();

    private sealed record Domain(long Id, string DomainName, string Type);
}
