using System.Net;
using System.Text.Json;
using Linode.AspNetCore.Authentication.Testing;

namespace Linode.AspNetCore.Authentication.Testing.Tests;

public sealed class EmulatorApiTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    public async Task A_missing_or_unknown_token_is_401_Invalid_Token(string? token)
    {
        await using var client = new EmulatorClient();

        using var response = await client.GetApiAsync("profile", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("{\"errors\":[{\"reason\":\"Invalid Token\"}]}", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_expired_token_is_refused_after_its_two_hours()
    {
        await using var client = new EmulatorClient();
        var token = client.Emulator.IssueAccessToken("exampleUser", []);
        client.Time.Advance(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1));
        using var before = await client.GetApiAsync("profile", token.AccessToken);
        client.Time.Advance(TimeSpan.FromSeconds(1));

        using var after = await client.GetApiAsync("profile", token.AccessToken);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task The_profile_needs_no_scope_and_has_Linodes_fields()
    {
        await using var client = new EmulatorClient();
        var token = client.Emulator.IssueAccessToken("exampleUser", []);

        using var response = await client.GetApiAsync("profile", token.AccessToken);
        var profile = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1234, profile.GetProperty("uid").GetInt64());
        Assert.Equal("exampleUser", profile.GetProperty("username").GetString());
        Assert.Equal("example-user@gmail.com", profile.GetProperty("email").GetString());
        Assert.Equal("US/Eastern", profile.GetProperty("timezone").GetString());
        Assert.False(profile.GetProperty("restricted").GetBoolean());
        Assert.True(profile.GetProperty("two_factor_auth").GetBoolean());
        Assert.Equal("default", profile.GetProperty("user_type").GetString());
        Assert.Equal(string.Empty, response.Headers.GetValues("X-Accepted-OAuth-Scopes").Single());
    }

    [Fact]
    public async Task The_account_needs_account_read_only_and_says_so()
    {
        await using var client = new EmulatorClient();
        var token = client.Emulator.IssueAccessToken("exampleUser", ["linodes:read_write"]);

        using var response = await client.GetApiAsync("account", token.AccessToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("{\"errors\":[{\"reason\":\"Your OAuth token is not authorized to use this endpoint.\"}]}", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("account:read_only", response.Headers.GetValues("X-Accepted-OAuth-Scopes").Single());
        Assert.Equal("linodes:read_write", response.Headers.GetValues("X-OAuth-Scopes").Single());
    }

    [Theory]
    [InlineData("account:read_only")]
    [InlineData("account:read_write")]
    [InlineData("account:*")]
    [InlineData("*")]
    [InlineData("account:view")]
    public async Task The_account_answers_any_scope_that_covers_read_only(string scope)
    {
        await using var client = new EmulatorClient();
        var token = client.Emulator.IssueAccessToken("exampleUser", [scope]);

        using var response = await client.GetApiAsync("account", token.AccessToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(scope, response.Headers.GetValues("X-OAuth-Scopes").Single());
    }

    [Fact]
    public async Task Faults_apply_the_given_number_of_times_then_stop()
    {
        await using var client = new EmulatorClient();
        var token = client.Emulator.IssueAccessToken("exampleUser", []);
        client.Emulator.Faults.Add(LinodeEmulatorEndpoint.Profile, LinodeEmulatorFault.RateLimited(12), times: 1);

        using var limited = await client.GetApiAsync("profile", token.AccessToken);
        using var normal = await client.GetApiAsync("profile", token.AccessToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(12), limited.Headers.RetryAfter!.Delta);
        Assert.Equal(HttpStatusCode.OK, normal.StatusCode);
        Assert.Equal(2, client.Emulator.RequestsTo(LinodeEmulatorEndpoint.Profile).Count);
    }

    [Fact]
    public async Task The_emulator_serves_on_a_loopback_port()
    {
        await using var emulator = new LinodeEmulator();
        await using var server = await LinodeEmulatorServer.StartAsync(emulator, cancellationToken: TestContext.Current.CancellationToken);
        using var http = new HttpClient();
        var token = emulator.IssueAccessToken("exampleUser", []);
        using var request = new HttpRequestMessage(HttpMethod.Get, server.Endpoints.Profile);
        request.Headers.Authorization = new("Bearer", token.AccessToken);

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal("127.0.0.1", server.BaseAddress.Host);
        Assert.NotEqual(0, server.BaseAddress.Port);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new Uri(server.BaseAddress, "oauth/authorize"), server.Endpoints.Authorization);
    }

    [Fact]
    public async Task The_emulator_can_be_mounted_under_a_path()
    {
        await using var emulator = new LinodeEmulator();
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
        Microsoft.AspNetCore.TestHost.WebHostBuilderExtensions.UseTestServer(builder.WebHost);
        await using var app = builder.Build();
        Microsoft.AspNetCore.Builder.LinodeEmulatorApplicationBuilderExtensions.UseLinodeEmulator(app, "/linode-emulator", emulator);
        await app.StartAsync(TestContext.Current.CancellationToken);
        using var http = Microsoft.AspNetCore.TestHost.HostBuilderTestServerExtensions.GetTestClient(app);

        using var response = await http.GetAsync("/linode-emulator/v4/profile", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("/v4/profile", Assert.Single(emulator.Requests).Path);
    }

    [Fact]
    public async Task The_loopback_server_counts_accepted_connections_so_pooling_shows()
    {
        await using var emulator = new LinodeEmulator();
        await using var server = await LinodeEmulatorServer.StartAsync(emulator, cancellationToken: TestContext.Current.CancellationToken);
        using var pooled = new HttpClient();
        using var other = new HttpClient();

        for (var i = 0; i < 5; i++)
        {
            using var response = await pooled.GetAsync(server.Endpoints.Profile, TestContext.Current.CancellationToken);
        }

        using (await other.GetAsync(server.Endpoints.Profile, TestContext.Current.CancellationToken))
        {
        }

        Assert.Equal(2, server.AcceptedConnections);
        Assert.Equal(6, emulator.RequestCount(LinodeEmulatorEndpoint.Profile));
    }

    [Fact]
    public async Task Requests_are_counted_even_when_not_recorded()
    {
        await using var client = new EmulatorClient(options => options.RecordRequests = false);

        using (await client.GetApiAsync("profile", null))
        {
        }

        Assert.Empty(client.Emulator.Requests);
        Assert.Equal(1, client.Emulator.RequestCount(LinodeEmulatorEndpoint.Profile));
        Assert.Equal(0, client.Emulator.RequestCount(LinodeEmulatorEndpoint.Token));
    }
}
