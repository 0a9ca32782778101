// The test the Testing package's PACKAGE.md shows, run against the sample's Program (as a user's test runs against
// theirs; both apps serve /signin, and show the signed-in user's name). PackageSnippetTests checks that the Markdown block equals the region below.
using Linode.AspNetCore.Authentication.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Linode.AspNetCore.Authentication.WebSample.Tests.Adoption;

public sealed class TestingPackageQuickStart
{
    #region testing-quick-start
    [Fact]
    public async Task A_user_signs_in_with_Linode_and_sees_their_account()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var server = await LinodeEmulatorServer.StartAsync(new LinodeEmulator(), cancellationToken: cancel);
        await using var factory = new WebApplicationFactory<Program>()
            .WithWebHostBuilder(builder => builder.UseLinodeEmulator(server));
        using var browser = new LinodeTestBrowser(factory.Server.CreateHandler(), factory.Server.BaseAddress, server);

        using var page = await browser.SignInWithLinodeAsync("/signin", username: "exampleUser", cancellationToken: cancel);

        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("exampleUser", await page.Content.ReadAsStringAsync(cancel));
    }
    #endregion
}
