// The README's testing snippet, run against the sample's Program; PackageSnippetTests checks the Markdown block equals it.
#pragma warning disable xUnit1051 // the README shows the shortest form
using Linode.AspNetCore.Authentication.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Linode.AspNetCore.Authentication.WebSample.Tests.Adoption;

public sealed class ReadmeTestingSnippet
{
    [Fact]
    public async Task The_readme_test_signs_in_with_the_scopes_it_grants()
    {
        #region readme-testing
        await using var server = await LinodeEmulatorServer.StartAsync(new LinodeEmulator());
        await using var factory = new WebApplicationFactory<Program>()
            .WithWebHostBuilder(builder => builder.UseLinodeEmulator(server));    // client, authorize, token, profile, revocation
        using var browser = new LinodeTestBrowser(factory.Server.CreateHandler(), factory.Server.BaseAddress, server);
        using var page = await browser.SignInWithLinodeAsync("/account", username: "exampleUser", grantedScopes: ["linodes:read_only"]);
        #endregion

        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(["linodes:read_only"], server.Emulator.Tokens.Single().Scopes);
    }
}
