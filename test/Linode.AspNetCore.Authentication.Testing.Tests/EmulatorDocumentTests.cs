namespace Linode.AspNetCore.Authentication.Testing.Tests;

/// <summary>The documents the emulator serves, whole and in Linode's field order: the two seeded users' profiles, the
/// account, a seeded instance alone and in a list, and the public catalogue. A client reading any field Linode documents
/// finds it here, with the seeded values the README and the samples show.</summary>
public sealed class EmulatorDocumentTests
{
    public static TheoryData<string, string, string> Documents => new()
    {
        { "exampleUser", "profile", """
            {"uid":1234,"username":"exampleUser","email":"example-user@gmail.com","timezone":"US/Eastern","email_notifications":true,"restricted":false,"two_factor_auth":true,"authorized_keys":null,"lish_auth_method":"keys_only","authentication_type":"password","verified_phone_number":null,"ip_whitelist_enabled":false,"referrals":{"code":"871be32f49c1411b14f29f618aaf0c14637fb8d3","url":"https://www.linode.com/?r=871be32f49c1411b14f29f618aaf0c14637fb8d3","total":0,"completed":0,"pending":0,"credit":0},"user_type":"default"}
            """ },
        { "restrictedUser", "profile", """
            {"uid":5678,"username":"restrictedUser","email":"restricted@example.com","timezone":"Europe/Berlin","email_notifications":true,"restricted":true,"two_factor_auth":false,"authorized_keys":null,"lish_auth_method":"keys_only","authentication_type":"github","verified_phone_number":null,"ip_whitelist_enabled":false,"referrals":{"code":"871be32f49c1411b14f29f618aaf0c14637fb8d3","url":"https://www.linode.com/?r=871be32f49c1411b14f29f618aaf0c14637fb8d3","total":0,"completed":0,"pending":0,"credit":0},"user_type":"default"}
            """ },
        { "exampleUser", "account", """
            {"email":"example-user@gmail.com","company":"Example Co.","country":"US","balance":0,"euuid":"E1AF5EEC-526F-487D-B317EBEB34C87D71"}
            """ },
        { "exampleUser", "linode/instances/123", """
            {"id":123,"label":"web-1","region":"us-east","type":"g6-standard-2","status":"running","image":null,"ipv4":[],"ipv6":null,"group":"","tags":[],"hypervisor":"kvm","created":"2024-01-01T00:00:00","updated":"2024-01-01T00:00:00","specs":{"disk":81920,"memory":4096,"vcpus":2,"transfer":1000}}
            """ },
        { "restrictedUser", "linode/instances", """
            {"data":[{"id":789,"label":"lab-box","region":"ap-south","type":"g6-nanode-1","status":"running","image":null,"ipv4":[],"ipv6":null,"group":"","tags":[],"hypervisor":"kvm","created":"2024-01-01T00:00:00","updated":"2024-01-01T00:00:00","specs":{"disk":25600,"memory":1024,"vcpus":1,"transfer":1000}}],"page":1,"pages":1,"results":1}
            """ },
        { "exampleUser", "regions", """
            {"data":[{"id":"us-east","label":"Newark, NJ","country":"us","status":"ok","capabilities":["Linodes"]},{"id":"us-central","label":"Dallas, TX","country":"us","status":"ok","capabilities":["Linodes"]},{"id":"eu-central","label":"Frankfurt, DE","country":"de","status":"ok","capabilities":["Linodes"]},{"id":"ap-south","label":"Singapore, SG","country":"sg","status":"ok","capabilities":["Linodes"]}],"page":1,"pages":1,"results":4}
            """ },
        { "exampleUser", "linode/stackscripts/1000001", """
            {"id":1000001,"label":"hello-web","username":"emulator-author","description":"Installs a web server and a welcome page.","is_public":true,"mine":false,"script":"#!/bin/bash\n# \u003CUDF name=\u0022hostname\u0022 label=\u0022The server\u0027s host name\u0022 example=\u0022web01\u0022 /\u003E\n# \u003CUDF name=\u0022site_title\u0022 label=\u0022Title of the welcome page\u0022 default=\u0022Hello from Linode\u0022 /\u003E\n# \u003CUDF name=\u0022web_server\u0022 label=\u0022Web server\u0022 oneOf=\u0022nginx,apache2\u0022 default=\u0022nginx\u0022 /\u003E\n","images":["linode/debian12","linode/ubuntu24.04"],"user_defined_fields":[{"name":"hostname","label":"The server\u0027s host name","example":"web01"},{"name":"site_title","label":"Title of the welcome page","default":"Hello from Linode"},{"name":"web_server","label":"Web server","default":"nginx","oneOf":"nginx,apache2"}]}
            """ },
        { "exampleUser", "linode/types", """
            {"data":[{"id":"g6-nanode-1","label":"Nanode 1GB","class":"nanode","memory":1024,"disk":25600,"vcpus":1,"transfer":1000,"price":{"hourly":0.0068,"monthly":5}},{"id":"g6-standard-1","label":"Linode 2GB","class":"standard","memory":2048,"disk":51200,"vcpus":1,"transfer":1000,"price":{"hourly":0.0164,"monthly":12}},{"id":"g6-standard-2","label":"Linode 4GB","class":"standard","memory":4096,"disk":81920,"vcpus":2,"transfer":1000,"price":{"hourly":0.0329,"monthly":24}},{"id":"g6-dedicated-4","label":"Dedicated 8GB","class":"dedicated","memory":8192,"disk":163840,"vcpus":4,"transfer":1000,"price":{"hourly":0.0986,"monthly":72}}],"page":1,"pages":1,"results":4}
            """ },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task A_document_is_served_whole_with_every_documented_field(string username, string path, string expected)
    {
        await using var client = new EmulatorClient();
        var token = client.Emulator.IssueAccessToken(username, ["*"]);

        using var response = await client.GetApiAsync(path, token.AccessToken);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
