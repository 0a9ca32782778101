using System.Net;
using Linode.AspNetCore.Authentication.WebSample.Tests.Infrastructure;
using static Linode.AspNetCore.Authentication.WebSample.Tests.Infrastructure.SampleFlows;

namespace Linode.AspNetCore.Authentication.WebSample.Tests.Http;

public sealed class SampleRestartTests
{
    [Fact]
    public async Task Data_protection_keys_persist_so_a_restart_keeps_users_signed_in()
    {
        var keys = Directory.CreateTempSubdirectory("websample-keys-").FullName;
        System.Net.CookieCollection cookies;
        await using (var first = new SampleFactory { KeysPath = keys })
        {
            using var firstBrowser = first.CreateBrowser();
            await SignInAsync(firstBrowser);
            cookies = firstBrowser.Cookies.GetAllCookies();
        }

        await using var second = new SampleFactory { KeysPath = keys };
        using var secondBrowser = second.CreateBrowser();
        secondBrowser.Cookies.Add(cookies);

        using var account = await GetAsync(secondBrowser, "/account");

        Assert.NotEmpty(Directory.GetFiles(keys, "key-*.xml"));
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        Assert.Contains("exampleUser", await account.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
