using System.Diagnostics;
using System.Net;

namespace Linode.AspNetCore.Authentication.Testing.Tests;

/// <summary>Injected faults, as a client meets them: the status, content type, headers and body each kind promises, only
/// as many times as asked, and a slow answer that is slow (or never comes when the client gives up).</summary>
public sealed class EmulatorFaultTests
{
    public static TheoryData<string, int, string, string> Shapes => new()
    {
        { "status", 500, "application/json", "{\"errors\":[{\"reason\":\"Injected failure 500\"}]}" },
        { "status-body", 502, "application/json", "[1,2]" },
        { "malformed", 200, "application/json", "{\"access_token\": \"abc\", " },
        { "html", 403, "text/html", "<html><head><title>Access Denied</title></head><body><h1>Access Denied</h1>Reference #18.0</body></html>" },
        { "rate-limited", 429, "application/json", "{\"errors\":[{\"reason\":\"Too many requests\"}]}" },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task A_fault_answers_with_the_status_type_and_body_of_its_kind_once(string kind, int status, string contentType, string body)
    {
        await using var client = new EmulatorClient();
        client.Emulator.Faults.Add(LinodeEmulatorEndpoint.Regions, kind switch
        {
            "status" => LinodeEmulatorFault.Status(500),
            "status-body" => LinodeEmulatorFault.Status(502, "[1,2]"),
            "malformed" => LinodeEmulatorFault.MalformedJson(),
            "html" => LinodeEmulatorFault.Html(),
            _ => LinodeEmulatorFault.RateLimited(12),
        }, times: 1);

        using var faulted = await client.GetApiAsync("regions", token: null);
        using var next = await client.GetApiAsync("regions", token: null);

        Assert.Equal(status, (int)faulted.StatusCode);
        Assert.Equal(contentType, faulted.Content.Headers.ContentType?.MediaType);
        Assert.Equal(body, await faulted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(kind == "rate-limited" ? "12" : null, faulted.Headers.RetryAfter?.ToString());
        Assert.Equal(kind == "rate-limited" ? ["800"] : null, faulted.Headers.TryGetValues("X-RateLimit-Limit", out var limit) ? limit : null);
        Assert.Equal(kind == "rate-limited" ? ["0"] : null, faulted.Headers.TryGetValues("X-RateLimit-Remaining", out var remaining) ? remaining : null);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task A_slow_fault_delays_the_real_answer()
    {
        await using var client = new EmulatorClient();
        client.Emulator.Faults.Add(LinodeEmulatorEndpoint.Regions, LinodeEmulatorFault.Slow(TimeSpan.FromMilliseconds(300)), times: 1);
        var watch = Stopwatch.StartNew();

        using var response = await client.GetApiAsync("regions", token: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"us-east\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(250), $"answered after {watch.Elapsed}");
    }

    [Fact]
    public async Task A_client_that_gives_up_on_a_slow_fault_gets_no_answer_and_the_emulator_keeps_serving()
    {
        await using var client = new EmulatorClient();
        client.Emulator.Faults.Add(LinodeEmulatorEndpoint.Regions, LinodeEmulatorFault.Slow(TimeSpan.FromMinutes(5)), times: 1);
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Http.GetAsync("v4/regions", giveUp.Token));
        using var next = await client.GetApiAsync("regions", token: null);

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }
}
