using System.Net;
using System.Text.Json;
using Linode.AspNetCore.Authentication.Testing;

namespace Linode.AspNetCore.Authentication.Testing.Tests;

/// <summary>The public catalogue a deploy page reads before anyone signs in: regions, plans, a StackScript.</summary>
public sealed class EmulatorCatalogTests
{
    [Theory]
    [InlineData("regions", "us-east", "label", "Newark, NJ")]
    [InlineData("linode/types", "g6-nanode-1", "label", "Nanode 1GB")]
    public async Task The_catalogue_is_public_and_paged_like_Linodes_lists(string path, string firstId, string field, string value)
    {
        await using var client = new EmulatorClient();

        using var response = await client.GetApiAsync(path, token: null);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = body.GetProperty("data");
        Assert.Equal(4, data.GetArrayLength());
        Assert.Equal(firstId, data[0].GetProperty("id").GetString());
        Assert.Equal(value, data[0].GetProperty(field).GetString());
        Assert.Equal(1, body.GetProperty("page").GetInt32());
        Assert.Equal(1, body.GetProperty("pages").GetInt32());
        Assert.Equal(4, body.GetProperty("results").GetInt32());
    }

    [Fact]
    public async Task Plans_carry_their_size_and_prices()
    {
        await using var client = new EmulatorClient();

        using var response = await client.GetApiAsync("linode/types", token: null);
        var nanode = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("data")[0];

        Assert.Equal("nanode", nanode.GetProperty("class").GetString());
        Assert.Equal(1024, nanode.GetProperty("memory").GetInt32());
        Assert.Equal(25600, nanode.GetProperty("disk").GetInt32());
        Assert.Equal(1, nanode.GetProperty("vcpus").GetInt32());
        Assert.Equal(5m, nanode.GetProperty("price").GetProperty("monthly").GetDecimal());
        Assert.Equal(0.0068m, nanode.GetProperty("price").GetProperty("hourly").GetDecimal());
    }

    [Fact]
    public async Task The_seeded_StackScript_lists_its_images_and_user_defined_fields()
    {
        await using var client = new EmulatorClient();

        using var response = await client.GetApiAsync("linode/stackscripts/1000001", token: null);
        var script = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hello-web", script.GetProperty("label").GetString());
        Assert.True(script.GetProperty("is_public").GetBoolean());
        Assert.Equal(["linode/debian12", "linode/ubuntu24.04"], script.GetProperty("images").EnumerateArray().Select(image => image.GetString()));
        var fields = script.GetProperty("user_defined_fields");
        Assert.Equal(["hostname", "site_title", "web_server"], fields.EnumerateArray().Select(field => field.GetProperty("name").GetString()));
        Assert.Equal("web01", fields[0].GetProperty("example").GetString());
        Assert.False(fields[0].TryGetProperty("default", out _));
        Assert.Equal("Hello from Linode", fields[1].GetProperty("default").GetString());
        Assert.Equal("nginx,apache2", fields[2].GetProperty("oneOf").GetString());
    }

    [Theory]
    [InlineData("linode/stackscripts/42")]
    [InlineData("linode/stackscripts/1000002")]
    public async Task An_unknown_or_private_StackScript_is_not_found(string path)
    {
        await using var client = new EmulatorClient(options => options.StackScripts.Add(new LinodeEmulatorStackScript(1000002, "secret", "someone", ["linode/debian12"], []) { IsPublic = false }));

        using var response = await client.GetApiAsync(path, token: null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("{\"errors\":[{\"reason\":\"Not found\"}]}", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("regions")]
    [InlineData("linode/types")]
    [InlineData("linode/stackscripts/1000001")]
    public async Task The_catalogue_is_read_only(string path)
    {
        await using var client = new EmulatorClient();

        using var response = await client.SendApiAsync(HttpMethod.Post, path, token: null, json: "{}");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task A_fault_armed_on_the_regions_answers_instead_of_them()
    {
        await using var client = new EmulatorClient();
        client.Emulator.Faults.Add(LinodeEmulatorEndpoint.Regions, LinodeEmulatorFault.Status(503), times: 1);

        using var faulted = await client.GetApiAsync("regions", token: null);
        using var next = await client.GetApiAsync("regions", token: null);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, faulted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(2, client.Emulator.RequestCount(LinodeEmulatorEndpoint.Regions));
    }
}
