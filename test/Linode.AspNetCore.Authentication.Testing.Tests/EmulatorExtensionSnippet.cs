// The Testing package's PACKAGE.md shows how to fake an API endpoint the emulator does not have; PackageSnippetTests
// checks that the Markdown block equals the region below, and this test runs it.
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;

namespace Linode.AspNetCore.Authentication.Testing.Tests;

public sealed class EmulatorExtensionSnippet
{
    [Fact]
    public async Task The_PACKAGE_md_snippet_fakes_domains_with_the_emulators_token_and_scope_checks()
    {
        using var emulator = new LinodeEmulator();
        #region testing-own-endpoint
        emulator.MapApi("Domains", HttpMethods.Get, "/v4/domains", "domains:read_only",
            call => call.Page([new { id = 1, domain = "example.org", type = "master" }]));
        emulator.Faults.Add("Domains", LinodeEmulatorFault.RateLimited(), times: 1); // optional: the first call gets a 429
        #endregion
        using var http = new HttpClient(emulator.CreateHttpMessageHandler());
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.linode.com/v4/domains");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", emulator.IssueAccessToken("exampleUser", ["domains:read_only"]).AccessToken);
        using var second = new HttpRequestMessage(HttpMethod.Get, request.RequestUri) { Headers = { Authorization = request.Headers.Authorization } };

        using var limited = await http.SendAsync(request, TestContext.Current.CancellationToken);
        using var served = await http.SendAsync(second, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Contains("\"domain\":\"example.org\"", await served.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(2, emulator.RequestCount("Domains"));
    }
}
