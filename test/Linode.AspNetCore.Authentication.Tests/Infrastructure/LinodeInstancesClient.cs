using System.Net.Http.Json;
using System.Text.Json;

namespace Linode.AspNetCore.Authentication.Tests.Infrastructure;

/// <summary>A typed client as an app would write one, on top of <c>AddLinodeUserAccessToken()</c>.</summary>
public sealed class LinodeInstancesClient(HttpClient http)
{
    public async Task<IReadOnlyList<string>> GetLabelsAsync()
    {
        var page = await http.GetFromJsonAsync<JsonElement>("linode/instances", TestContext.Current.CancellationToken);
        return page.GetProperty("data").EnumerateArray().Select(instance => instance.GetProperty("label").GetString()!).ToList();
    }
}
