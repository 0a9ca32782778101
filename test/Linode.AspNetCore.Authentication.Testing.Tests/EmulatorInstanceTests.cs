using System.Net;
using System.Text.Json;
using Linode.AspNetCore.Authentication.Testing;

namespace Linode.AspNetCore.Authentication.Testing.Tests;

/// <summary>Creating, following and deleting a Linode as the signed-in user: scopes, Linode's validation and error shape,
/// status on the emulator's clock.</summary>
public sealed class EmulatorInstanceTests
{
    private const string ValidBody = """
        {"type":"g6-nanode-1","region":"us-east","image":"linode/debian12","label":"web-from-app","root_pass":"Correct-Horse-9-Battery",
         "stackscript_id":1000001,"stackscript_data":{"hostname":"web01"},"tags":["install-on-linode"]}
        """;

    [Fact]
    public async Task Creating_a_Linode_deploys_the_StackScript_with_its_defaults_and_lists_it_for_the_user()
    {
        await using var client = new EmulatorClient();
        var token = client.Emulator.IssueAccessToken("exampleUser", ["linodes:read_write"]);

        using var response = await client.SendApiAsync(HttpMethod.Post, "linode/instances", token.AccessToken, ValidBody);
        var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("web-from-app", created.GetProperty("label").GetString());
        Assert.Equal("provisioning", created.GetProperty("status").GetString());
        Assert.Equal("linode/debian12", created.GetProperty("image").GetString());
        Assert.StartsWith("192.0.2.", created.GetProperty("ipv4")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(["install-on-linode"], created.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()));
        Assert.Equal(1024, created.GetProperty("specs").GetProperty("memory").GetInt32());
        var instance = client.Emulator.Options.Users[0].Instances.Single(candidate => candidate.Id == created.GetProperty("id").GetInt64());
        Assert.Equal(1000001, instance.StackScriptId);
        Assert.Equal(new Dictionary<string, string> { ["hostname"] = "web01", ["site_title"] = "Hello from Linode", ["web_server"] = "nginx" }, instance.StackScriptData);
        Assert.Equal(ValidBody, client.Emulator.RequestsTo(LinodeEmulatorEndpoint.LinodeInstances).Single().Body);

        using var list = await client.GetApiAsync("linode/instances", client.Emulator.IssueAccessToken("exampleUser", ["linodes:read_only"]).AccessToken);
        var labels = JsonDocument.Parse(await list.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("data").EnumerateArray().Select(item => item.GetProperty("label").GetString());
        Assert.Equal(["web-1", "db-1", "web-from-app"], labels);
    }

    [Fact]
    public async Task A_created_Linode_moves_from_provisioning_to_booting_to_running_on_the_emulators_clock()
    {
        await using var client = new EmulatorClient();
        var token = client.Emulator.IssueAccessToken("exampleUser", ["linodes:read_write"]);
        using var response = await client.SendApiAsync(HttpMethod.Post, "linode/instances", token.AccessToken, ValidBody);
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("id").GetInt64();

        var statuses = new List<string?>();
        foreach (var step in new[] { 5.999, 0.001, 3.998, 0.002 })
        {
            client.Time.Advance(TimeSpan.FromSeconds(step));
            using var read = await client.GetApiAsync("linode/instances/" + id, token.AccessToken);
            statuses.Add(JsonDocument.Parse(await read.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("status").GetString());
        }

        Assert.Equal(["provisioning", "booting", "booting", "running"], statuses);
    }

    [Theory]
    [InlineData("linodes:read_only")]
    [InlineData("account:read_write")]
    public async Task Creating_needs_linodes_read_write(string scope)
    {
        await using var client = new EmulatorClient();
        var token = client.Emulator.IssueAccessToken("exampleUser", [scope]);

        using var response = await client.SendApiAsync(HttpMethod.Post, "linode/instances", token.AccessToken, ValidBody);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("linodes:read_write", response.Headers.GetValues("X-Accepted-OAuth-Scopes").Single());
        Assert.Equal(2, client.Emulator.Options.Users[0].Instances.Count);
    }

    [Theory]
    [InlineData("""{"region":"us-east","image":"linode/debian12","root_pass":"Correct-Horse-9"}""", "type", "type is required")]
    [InlineData("""{"type":"g6-nanode-1","image":"linode/debian12","root_pass":"Correct-Horse-9"}""", "region", "region is required")]
    [InlineData("""{"type":"g6-nanode-1","region":"mars-1"}""", "region", "region is not valid")]
    [InlineData("""{"type":"g9-huge","region":"us-east"}""", "type", "A valid plan type by that ID was not found")]
    [InlineData("""{"type":"g6-nanode-1","region":"us-east","label":"ab"}""", "label", "Length must be 3-64 characters")]
    [InlineData("""{"type":"g6-nanode-1","region":"us-east","label":"web--1"}""", "label", "Must begin and end with a letter or digit, and contain only letters, digits and single '-', '_' or '.' between them")]
    [InlineData("""{"type":"g6-nanode-1","region":"us-east","label":"-web"}""", "label", "Must begin and end with a letter or digit, and contain only letters, digits and single '-', '_' or '.' between them")]
    [InlineData("""{"type":"g6-nanode-1","region":"us-east","image":"linode/debian12"}""", "root_pass", "root_pass is required when deploying from an image")]
    [InlineData("""{"type":"g6-nanode-1","region":"us-east","image":"linode/debian12","root_pass":"Ab1!"}""", "root_pass", "Length must be 7-128 characters")]
    [InlineData("""{"type":"g6-nanode-1","region":"us-east","image":"linode/debian12","root_pass":"alllowercase"}""", "root_pass", "Password does not meet strength requirement.")]
    [InlineData("""{"type":"g6-nanode-1","region":"us-east","image":"linode/debian12","root_pass":"Caf\u00e9-Latte-1"}""", "root_pass", "May only use letters, digits, punctuation, spaces and tabs")]
    [InlineData("""{"type":"g6-nanode-1","region":"us-east","image":"linode/windows","root_pass":"Correct-Horse-9"}""", "image", "Not a valid image")]
    [InlineData("""{"type":"g6-nanode-1","region":"us-east","image":"linode/alpine3.20","root_pass":"Correct-Horse-9","stackscript_id":1000001,"stackscript_data":{"hostname":"a"}}""", "image", "The StackScript cannot be deployed on this image")]
    [InlineData("""{"type":"g6-nanode-1","region":"us-east","stackscript_id":1000001,"stackscript_data":{"hostname":"a"}}""", "image", "image is required when deploying a StackScript")]
    [InlineData("""{"type":"g6-nanode-1","region":"us-east","image":"linode/debian12","root_pass":"Correct-Horse-9","stackscript_id":77}""", "stackscript_id", "StackScript not found")]
    [InlineData("""{"type":"g6-nanode-1","region":"us-east","image":"linode/debian12","root_pass":"Correct-Horse-9","stackscript_id":1000001}""", "stackscript_data.hostname", "The server's host name is required")]
    [InlineData("""{"type":"g6-nanode-1","region":"us-east","image":"linode/debian12","root_pass":"Correct-Horse-9","stackscript_id":1000001,"stackscript_data":{"hostname":"a","web_server":"iis"}}""", "stackscript_data.web_server", "Web server must be one of: nginx, apache2")]
    [InlineData("""{"type":"g6-nanode-1","region":"us-east","tags":["ok-tag","x"]}""", "tags", "Length must be 3-50 characters")]
    [InlineData("""{"type":7,"region":"us-east"}""", "type", "type must be a string")]
    public async Task A_body_Linode_would_refuse_gets_400_with_the_field_and_the_reason(string body, string field, string reason)
    {
        await using var client = new EmulatorClient();
        var token = client.Emulator.IssueAccessToken("exampleUser", ["linodes:read_write"]);

        using var response = await client.SendApiAsync(HttpMethod.Post, "linode/instances", token.AccessToken, body);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single(errors.EnumerateArray());
        Assert.Equal(field, error.GetProperty("field").GetString());
        Assert.Equal(reason, error.GetProperty("reason").GetString());
        Assert.Equal(2, client.Emulator.Options.Users[0].Instances.Count);
    }

    [Theory]
    [InlineData("git,ufw", null)]
    [InlineData("fail2ban", null)]
    [InlineData("git,iis", "Extra packages must be any of: git, ufw, fail2ban")]
    public async Task A_manyOf_field_is_listed_and_takes_any_of_its_values_comma_separated(string picked, string? reason)
    {
        await using var client = new EmulatorClient(options => options.StackScripts.Add(new LinodeEmulatorStackScript(1000003, "with-extras", "someone", ["linode/debian12"],
            [new LinodeEmulatorUserDefinedField("extras", "Extra packages") { Default = "ufw", ManyOf = ["git", "ufw", "fail2ban"] }])));
        var token = client.Emulator.IssueAccessToken("exampleUser", ["linodes:read_write"]);
        using var listed = await client.GetApiAsync("linode/stackscripts/1000003", token: null);
        var field = JsonDocument.Parse(await listed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("user_defined_fields")[0];

        using var response = await client.SendApiAsync(HttpMethod.Post, "linode/instances", token.AccessToken,
            $$$"""{"type":"g6-nanode-1","region":"us-east","image":"linode/debian12","root_pass":"Correct-Horse-9","label":"extras-1","stackscript_id":1000003,"stackscript_data":{"extras":"{{{picked}}}"}}""");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

        Assert.Equal("git,ufw,fail2ban", field.GetProperty("manyOf").GetString());
        Assert.False(field.TryGetProperty("oneOf", out _));
        if (reason is null)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(picked, client.Emulator.Options.Users[0].Instances.Single(instance => instance.Label == "extras-1").StackScriptData["extras"]);
        }
        else
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
            Assert.Equal("stackscript_data.extras", error.GetProperty("field").GetString());
            Assert.Equal(reason, error.GetProperty("reason").GetString());
        }
    }

    [Fact]
    public async Task Every_error_of_a_body_is_reported_at_once()
    {
        await using var client = new EmulatorClient();
        var token = client.Emulator.IssueAccessToken("exampleUser", ["linodes:read_write"]);

        using var response = await client.SendApiAsync(HttpMethod.Post, "linode/instances", token.AccessToken, """{"label":"x"}""");
        var fields = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("errors")
            .EnumerateArray().Select(error => error.GetProperty("field").GetString());

        Assert.Equal(["region", "type", "label"], fields);
    }

    [Theory]
    [InlineData("[1,2]", "The request body must be a JSON object.")]
    [InlineData("{\"type\":", "The request body is not valid JSON.")]
    [InlineData("", "The request body must be a JSON object.")]
    public async Task A_body_that_is_not_a_JSON_object_gets_400_without_a_field(string body, string reason)
    {
        await using var client = new EmulatorClient();
        var token = client.Emulator.IssueAccessToken("exampleUser", ["linodes:read_write"]);

        using var response = await client.SendApiAsync(HttpMethod.Post, "linode/instances", token.AccessToken, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("{\"errors\":[{\"reason\":\"" + reason + "\"}]}", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_label_already_in_the_account_is_refused()
    {
        await using var client = new EmulatorClient();
        var token = client.Emulator.IssueAccessToken("exampleUser", ["linodes:read_write"]);

        using var response = await client.SendApiAsync(HttpMethod.Post, "linode/instances", token.AccessToken, """{"type":"g6-nanode-1","region":"us-east","label":"WEB-1"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"field\":\"label\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_needs_read_write_removes_only_the_users_own_Linode_and_is_then_not_found()
    {
        await using var client = new EmulatorClient();
        var reader = client.Emulator.IssueAccessToken("exampleUser", ["linodes:read_only"]);
        var writer = client.Emulator.IssueAccessToken("exampleUser", ["linodes:read_write"]);
        var otherUser = client.Emulator.IssueAccessToken("restrictedUser", ["linodes:read_write"]);

        using var withReadOnly = await client.SendApiAsync(HttpMethod.Delete, "linode/instances/123", reader.AccessToken);
        using var someoneElses = await client.SendApiAsync(HttpMethod.Delete, "linode/instances/123", otherUser.AccessToken);
        using var deleted = await client.SendApiAsync(HttpMethod.Delete, "linode/instances/123", writer.AccessToken);
        using var again = await client.GetApiAsync("linode/instances/123", writer.AccessToken);

        Assert.Equal(HttpStatusCode.Unauthorized, withReadOnly.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, someoneElses.StatusCode);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal("{}", await deleted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(["db-1"], client.Emulator.Options.Users[0].Instances.Select(instance => instance.Label));
        Assert.Equal(4, client.Emulator.RequestCount(LinodeEmulatorEndpoint.LinodeInstance));
    }

    [Theory]
    [InlineData("linode/instances/0")]
    [InlineData("linode/instances/abc")]
    [InlineData("linode/instances/123/disks")]
    public async Task Paths_that_are_not_an_instance_id_are_not_found(string path)
    {
        await using var client = new EmulatorClient();
        var token = client.Emulator.IssueAccessToken("exampleUser", ["linodes:read_write"]);

        using var response = await client.GetApiAsync(path, token.AccessToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(LinodeEmulatorEndpoint.Unknown, client.Emulator.Requests.Single().Endpoint);
    }

    [Fact]
    public async Task A_fault_armed_on_creation_answers_instead_and_creates_nothing()
    {
        await using var client = new EmulatorClient();
        var token = client.Emulator.IssueAccessToken("exampleUser", ["linodes:read_write"]);
        client.Emulator.Faults.Add(LinodeEmulatorEndpoint.LinodeInstances, LinodeEmulatorFault.RateLimited(12), times: 1);

        using var limited = await client.SendApiAsync(HttpMethod.Post, "linode/instances", token.AccessToken, ValidBody);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("12", limited.Headers.GetValues("Retry-After").Single());
        Assert.Equal(2, client.Emulator.Options.Users[0].Instances.Count);
    }
}
