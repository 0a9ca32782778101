using System.Net;
using Linode.AspNetCore.Authentication.WebSample.Tests.Infrastructure;
using static Linode.AspNetCore.Authentication.WebSample.Tests.Infrastructure.SampleFlows;

namespace Linode.AspNetCore.Authentication.WebSample.Tests.Security;

/// <summary>No page of the sample can be framed (clickjacking on the delete and deploy pages): every HTML answer, on the
/// first visit and every later one, says so twice, in the CSP header browsers read today and in the older header.</summary>
public sealed class SampleFrameProtectionTests
{
    public static TheoryData<string> Pages => new() { "/", "/account", "/deploy", "/linodes", "/linodes/1/delete", "/signin-denied", "/forbidden", "/no-such-page" };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_visit_to_a_page_forbids_framing(string path)
    {
        await using var sample = new SampleFactory();
        using var browser = sample.CreateBrowser();
        await SignInAsync(browser);

        for (var visit = 1; visit <= 2; visit++)
        {
            using var response = await GetAsync(browser, path);

            Assert.True(response.StatusCode < HttpStatusCode.InternalServerError, $"{path}: {response.StatusCode}");
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
            Assert.Equal("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        }
    }
}
