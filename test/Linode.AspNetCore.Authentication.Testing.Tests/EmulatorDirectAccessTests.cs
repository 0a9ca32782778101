using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;

namespace Linode.AspNetCore.Authentication.Testing.Tests;

/// <summary>What a test calls on the emulator directly, without the browser flow: tokens issued for a user and client,
/// consent looked up, requests recorded with their bodies, and the emulator disposed.</summary>
public sealed class EmulatorDirectAccessTests
{
    [Fact]
    public async Task A_token_issued_directly_belongs_to_the_user_and_client_and_a_public_client_gets_no_refresh_token()
    {
        await using var client = new EmulatorClient();

        var confidential = client.Emulator.IssueAccessToken("restrictedUser", ["linodes:read_only"]);
        var forPublic = client.Emulator.IssueAccessToken("exampleUser", ["linodes:read_only"], "aaaaaaaaaaaaaaaaaaaa");

        Assert.Equal(("restrictedUser", LinodeEmulatorClient.DefaultClientId), (confidential.User.Username, confidential.ClientId));
        Assert.NotNull(confidential.RefreshToken);
        Assert.Equal(("exampleUser", "aaaaaaaaaaaaaaaaaaaa"), (forPublic.User.Username, forPublic.ClientId));
        Assert.Null(forPublic.RefreshToken);
        Assert.True(client.Emulator.IsAccessTokenActive(forPublic.AccessToken));
    }

    [Fact]
    public async Task Issuing_for_an_unknown_user_or_client_names_it_and_consent_of_an_unknown_user_is_empty()
    {
        await using var client = new EmulatorClient();

        var user = Assert.Throws<ArgumentException>(() => client.Emulator.IssueAccessToken("nobody", ["linodes:read_only"]));
        var other = Assert.Throws<ArgumentException>(() => client.Emulator.IssueAccessToken("exampleUser", ["linodes:read_only"], "unknown-client"));

        Assert.Equal(("username", "No seeded user 'nobody'. (Parameter 'username')"), (user.ParamName, user.Message));
        Assert.Equal(("clientId", "No client 'unknown-client'. (Parameter 'clientId')"), (other.ParamName, other.Message));
        Assert.Empty(client.Emulator.GetConsentedScopes(LinodeEmulatorClient.DefaultClientId, "nobody"));
        Assert.Empty(client.Emulator.Tokens);
    }

    [Fact]
    public async Task Only_a_json_body_is_recorded_as_the_body_and_a_form_is_recorded_as_the_form()
    {
        await using var client = new EmulatorClient();
        string? seen = "not called";
        client.Emulator.MapApi("Echo", HttpMethods.Post, "/v4/echo", requiredScope: null, call =>
        {
            seen = call.Body;
            return call.Json(new { });
        });
        var token = client.Emulator.IssueAccessToken("exampleUser", ["linodes:read_only"]).AccessToken;
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://api.linode.com/v4/echo")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["label"] = "web-1" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var form = await client.Http.SendAsync(request, TestContext.Current.CancellationToken);
        using var json = await client.SendApiAsync(HttpMethod.Post, "echo", token, """{"label":"web-2"}""");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (form.StatusCode, json.StatusCode));
        var (formRecord, jsonRecord) = (client.Emulator.RequestsTo("Echo")[0], client.Emulator.RequestsTo("Echo")[1]);
        Assert.Null(formRecord.Body);
        Assert.Equal("web-1", formRecord.Form["label"]);
        Assert.Equal("""{"label":"web-2"}""", jsonRecord.Body);
        Assert.Equal("""{"label":"web-2"}""", seen);
    }

    [Fact]
    public async Task A_disposed_emulator_no_longer_serves_its_in_process_handler()
    {
        var emulator = new LinodeEmulator();
        using var http = new HttpClient(emulator.CreateHttpMessageHandler());
        using (var before = await http.GetAsync("https://api.linode.com/v4/regions", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await emulator.DisposeAsync();

        await Assert.ThrowsAnyAsync<ObjectDisposedException>(() => http.GetAsync("https://api.linode.com/v4/regions", TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("", "GET")]
    [InlineData("Domains", " ")]
    public void Mapping_without_a_name_or_a_method_is_refused(string name, string method)
    {
        using var emulator = new LinodeEmulator();

        Assert.ThrowsAny<ArgumentException>(() => emulator.MapApi(name, method, "/v4/domains", null, call => call.Json(null)));
        Assert.ThrowsAny<ArgumentException>(() => emulator.MapPublicApi(name, method, "/v4/domains", call => call.Json(null)));
    }
}
