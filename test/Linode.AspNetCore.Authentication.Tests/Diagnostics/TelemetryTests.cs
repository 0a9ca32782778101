using System.Collections.Concurrent;
using System.Diagnostics;
using Linode.AspNetCore.Authentication.Testing;
using Linode.AspNetCore.Authentication.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Options;

namespace Linode.AspNetCore.Authentication.Tests.Diagnostics;

/// <summary>
/// Telemetry as OpenTelemetry users expect it: one client activity per call to Linode tagged <c>linode.operation</c>,
/// <c>linode.scheme</c>, <c>http.response.status_code</c> and <c>error.type</c> with status Error on failure; a call
/// counter and a duration histogram with the same tags, and a sign-in outcome counter, on the app's meter factory.
/// Each test uses its own scheme name, so activities of tests running in parallel are told apart.
/// </summary>
public sealed class TelemetryTests : IDisposable
{
    private readonly string _scheme = "Telemetry" + Guid.NewGuid().ToString("N")[..8];
    private readonly ConcurrentQueue<Activity> _activities = new();
    private readonly ActivityListener _listener;

    public TelemetryTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == LinodeTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Equals(activity.GetTagItem("linode.scheme"), _scheme))
                {
                    _activities.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    private async Task<(LinodeTestHost Host, MetricCollector<long> Calls, MetricCollector<double> Durations, MetricCollector<long> SignIns)> StartAsync(
        Action<LinodeOptions>? configure = null, Func<HttpMessageHandler, HttpMessageHandler>? network = null)
    {
        var emulator = LinodeTestHost.NewEmulator();
        emulator.Options.Clients[0].RedirectUri = LinodeTestHost.AppBase + "/signin-";
        var scheme = _scheme;
        var host = await LinodeTestHost.StartAsync(emulator: emulator, addSchemes: (authentication, test) => authentication.AddLinode(scheme, options =>
        {
            options.CallbackPath = "/signin-" + scheme;
            options.ClientId = LinodeEmulatorClient.DefaultClientId;
            options.ClientSecret = LinodeEmulatorClient.DefaultClientSecret;
            configure?.Invoke(options);
            test.Instrument(options);
            if (network is not null)
            {
                options.BackchannelHttpHandler = network(options.BackchannelHttpHandler!);
            }
        }));
        var meters = host.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        return (host,
            new MetricCollector<long>(meters, LinodeTelemetry.Name, "linode.authentication.calls"),
            new MetricCollector<double>(meters, LinodeTelemetry.Name, "linode.authentication.call.duration"),
            SignInCounter.Listen(host.Services));
    }

    /// <summary>The activities of this test's scheme once <paramref name="count"/> have stopped (a stop can be reported on
    /// another thread just after the response), or what there is after 5 s.</summary>
    private async Task<Activity[]> StoppedActivitiesAsync(int count)
    {
        for (var i = 0; i < 100 && _activities.Count < count; i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        return _activities.ToArray();
    }

    private Task<HttpResponseMessage> SignInAsync(LinodeTestHost host) => host.Browser.GetAsync(LinodeTestHost.AppBase + "/challenge/" + _scheme);

    private static string? Tag(CollectedMeasurement<long> measurement, string name) =>
        measurement.Tags.TryGetValue(name, out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;

    [Fact]
    public async Task A_sign_in_records_an_exchange_and_a_profile_call_and_a_successful_sign_in()
    {
        var (host, calls, durations, signIns) = await StartAsync();
        await using var _ = host;

        using (await SignInAsync(host))
        {
        }

        var recorded = calls.GetMeasurementSnapshot();
        Assert.Equal(["exchange", "profile"], recorded.Select(m => Tag(m, "linode.operation")));
        Assert.All(recorded, m =>
        {
            Assert.Equal(1, m.Value);
            Assert.Equal("success", Tag(m, "linode.outcome"));
            Assert.Equal("200", Tag(m, "http.response.status_code"));
            Assert.Equal(_scheme, Tag(m, "linode.scheme"));
            Assert.False(m.Tags.ContainsKey("error.type"));
        });
        Assert.Equal(2, durations.GetMeasurementSnapshot().Count);
        Assert.All(durations.GetMeasurementSnapshot(), m => Assert.InRange(m.Value, 0, 60));
        var signIn = await SignInCounter.SingleAsync(signIns);
        Assert.Equal("success", Tag(signIn, "linode.outcome"));
        Assert.Equal(_scheme, Tag(signIn, "linode.scheme"));

        var activities = await StoppedActivitiesAsync(2);
        Assert.Equal(["Linode exchange", "Linode profile"], activities.Select(a => a.DisplayName));
        Assert.All(activities, activity =>
        {
            Assert.Equal(ActivityKind.Client, activity.Kind);
            Assert.Equal(ActivityStatusCode.Unset, activity.Status);
            Assert.Equal(200, activity.GetTagItem("http.response.status_code"));
        });
    }

    [Theory]
    [InlineData(429, "{\"errors\":[{\"reason\":\"Too many requests\"}]}", "429")]
    [InlineData(500, "", "500")]
    [InlineData(400, "{\"error\":\"invalid_grant\"}", "invalid_grant")]
    public async Task A_failed_exchange_is_an_error_activity_with_its_status_and_error_type(int status, string body, string errorType)
    {
        var (host, calls, _, signIns) = await StartAsync();
        await using var _ = host;
        host.Emulator.Faults.Add(LinodeEmulatorEndpoint.Token, LinodeEmulatorFault.Status(status, body));

        using (await SignInAsync(host))
        {
        }

        var call = Assert.Single(calls.GetMeasurementSnapshot());
        Assert.Equal("exchange", Tag(call, "linode.operation"));
        Assert.Equal("error", Tag(call, "linode.outcome"));
        Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), Tag(call, "http.response.status_code"));
        Assert.Equal(errorType, Tag(call, "error.type"));
        var activity = Assert.Single(await StoppedActivitiesAsync(1));
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal(errorType, activity.GetTagItem("error.type"));
        Assert.Equal("exchange", activity.GetTagItem("linode.operation"));
        Assert.Equal("error", activity.GetTagItem("linode.outcome"));
        Assert.Equal("failed", Tag(await SignInCounter.SingleAsync(signIns), "linode.outcome"));
    }

    [Fact]
    public async Task Durations_are_measured_on_the_apps_clock()
    {
        var (host, _, durations, _) = await StartAsync();
        await using var _ = host;

        using (await SignInAsync(host))
        {
        }

        // The test host's clock is a FakeTimeProvider that nobody advanced: every call took no time on it.
        Assert.Equal([0d, 0d], durations.GetMeasurementSnapshot().Select(m => m.Value));
    }

    [Fact]
    public async Task Each_instrument_has_its_unit_description_and_bucket_boundaries()
    {
        var (host, _, _, _) = await StartAsync();
        await using var _ = host;
        var instruments = host.Services.GetRequiredService<LinodeInstrumentation>();

        Assert.Equal(("linode.authentication.calls", "{call}", "Calls to Linode, by operation, outcome and HTTP status."),
            (instruments.Calls.Name, instruments.Calls.Unit, instruments.Calls.Description));
        Assert.Equal(("linode.authentication.call.duration", "s", "Duration of calls to Linode, by operation and outcome."),
            (instruments.Duration.Name, instruments.Duration.Unit, instruments.Duration.Description));
        Assert.Equal([0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60], instruments.Duration.Advice!.HistogramBucketBoundaries!);
        Assert.Equal(("linode.authentication.sign_ins", "{sign_in}", "Completed callbacks of Linode sign-ins, by outcome."),
            (instruments.SignIns.Name, instruments.SignIns.Unit, instruments.SignIns.Description));
    }

    [Theory]
    [InlineData(LinodeEmulatorEndpoint.Token, "exchange")]
    [InlineData(LinodeEmulatorEndpoint.Profile, "profile")]
    public async Task An_answer_without_what_Linode_sends_is_counted_as_malformed(string endpoint, string operation)
    {
        var (host, calls, _, _) = await StartAsync();
        await using var _ = host;
        host.Emulator.Faults.Add(endpoint, LinodeEmulatorFault.Status(200, "{}"));

        using (await SignInAsync(host))
        {
        }

        var call = Assert.Single(calls.GetMeasurementSnapshot(), m => Tag(m, "linode.operation") == operation);
        Assert.Equal("malformed", Tag(call, "linode.outcome"));
        Assert.Equal("malformed", Tag(call, "error.type"));
        Assert.Equal("200", Tag(call, "http.response.status_code"));
        var activity = Assert.Single(await StoppedActivitiesAsync(endpoint == LinodeEmulatorEndpoint.Token ? 1 : 2), a => Equals(a.GetTagItem("linode.operation"), operation));
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
    }

    [Fact]
    public async Task A_profile_error_and_a_revocation_error_are_counted_as_errors()
    {
        var (host, calls, _, _) = await StartAsync();
        await using var _ = host;
        using (await SignInAsync(host))
        {
        }

        host.Emulator.Faults.Add(LinodeEmulatorEndpoint.Revoke, LinodeEmulatorFault.Status(401, "{\"errors\":[{\"reason\":\"Invalid client credentials\"}]}"));
        using (await host.SignOutAsync())
        {
        }

        host.Emulator.Faults.Add(LinodeEmulatorEndpoint.Profile, LinodeEmulatorFault.Status(500));
        using (await SignInAsync(host))
        {
        }

        // The sign-out's revocation (the failed sign-in then revokes the token it was issued, against the same fault).
        var revoke = calls.GetMeasurementSnapshot().First(m => Tag(m, "linode.operation") == "revoke");
        Assert.Equal(("error", "401", "401"), (Tag(revoke, "linode.outcome"), Tag(revoke, "http.response.status_code"), Tag(revoke, "error.type")));
        var profile = calls.GetMeasurementSnapshot().Where(m => Tag(m, "linode.operation") == "profile").Last();
        Assert.Equal(("error", "500", "500"), (Tag(profile, "linode.outcome"), Tag(profile, "http.response.status_code"), Tag(profile, "error.type")));
    }

    [Fact]
    public async Task A_refused_connection_is_counted_as_unreachable()
    {
        var (host, calls, _, signIns) = await StartAsync(network: inner => new RefusingPath("/oauth/token", inner));
        await using var _ = host;

        using (await SignInAsync(host))
        {
        }

        var call = Assert.Single(calls.GetMeasurementSnapshot());
        Assert.Equal(("exchange", "unreachable", "unreachable"), (Tag(call, "linode.operation"), Tag(call, "linode.outcome"), Tag(call, "error.type")));
        Assert.Null(Tag(call, "http.response.status_code"));
        Assert.Equal("failed", Tag(await SignInCounter.SingleAsync(signIns), "linode.outcome"));
    }

    [Fact]
    public async Task A_time_out_is_told_apart_from_an_error()
    {
        var (host, calls, _, _) = await StartAsync(options => options.BackchannelTimeout = TimeSpan.FromMilliseconds(300));
        await using var _ = host;
        host.Emulator.Faults.Add(LinodeEmulatorEndpoint.Profile, LinodeEmulatorFault.Slow(TimeSpan.FromSeconds(5)));

        using (await SignInAsync(host))
        {
        }

        var profile = Assert.Single(calls.GetMeasurementSnapshot(), m => Tag(m, "linode.operation") == "profile");
        Assert.Equal("timeout", Tag(profile, "linode.outcome"));
        Assert.Equal("timeout", Tag(profile, "error.type"));
        Assert.Null(Tag(profile, "http.response.status_code"));
        Assert.Equal("Linode's profile endpoint could not be reached: no answer within the back-channel timeout of 0.3 s.", Assert.Single(host.Failures).Message);
    }

    [Fact]
    public async Task A_revocation_whose_back_channel_times_out_is_counted_as_a_time_out()
    {
        var (host, calls, _, _) = await StartAsync(options => options.BackchannelTimeout = TimeSpan.FromMilliseconds(300));
        await using var _ = host;
        using (await SignInAsync(host))
        {
        }

        host.Emulator.Faults.Add(LinodeEmulatorEndpoint.Revoke, LinodeEmulatorFault.Slow(TimeSpan.FromSeconds(5)));
        using (await host.SignOutAsync())
        {
        }

        var revoke = Assert.Single(calls.GetMeasurementSnapshot(), m => Tag(m, "linode.operation") == "revoke");
        Assert.Equal("timeout", Tag(revoke, "linode.outcome"));
        Assert.Equal("timeout", Tag(revoke, "error.type"));
        var unreachable = Assert.Single(host.Logs.Entries, entry => entry.EventId.Id == 5002);
        Assert.StartsWith("Linode's revocation endpoint could not be reached: no answer within the back-channel timeout of 0.3 s.", unreachable.Message, StringComparison.Ordinal);
        var result = Assert.Single(host.Revocations);
        Assert.Equal(LinodeTokenRevocationOutcome.Failed, result.Outcome);
        Assert.Equal("timeout", result.Error);
        Assert.StartsWith($"Revoking the Linode token of scheme '{_scheme}' failed: timeout.", Assert.Single(host.Logs.Linode, entry => entry.EventId.Id == 5015).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revocation_abandoned_after_the_revocation_timeout_is_counted_as_a_time_out()
    {
        var (host, calls, _, _) = await StartAsync(options => options.RevocationTimeout = TimeSpan.FromSeconds(3));
        await using var _ = host;
        host.Emulator.Faults.Add(LinodeEmulatorEndpoint.Revoke, LinodeEmulatorFault.Slow(TimeSpan.FromMinutes(5)));
        var revoker = host.Services.GetRequiredService<ILinodeTokenRevoker>();

        var revocation = revoker.RevokeAsync(new DefaultHttpContext { RequestServices = host.Services }, _scheme, "a-token", TestContext.Current.CancellationToken);
        await Eventually.TrueAsync(() => host.Emulator.RequestsTo(LinodeEmulatorEndpoint.Revoke).Count == 1);
        host.Time.Advance(TimeSpan.FromSeconds(3));
        var result = await revocation.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(LinodeTokenRevocationOutcome.TimedOut, result.Outcome);
        Assert.Equal("timeout", result.Error);
        var revoke = Assert.Single(calls.GetMeasurementSnapshot());
        Assert.Equal("revoke", Tag(revoke, "linode.operation"));
        Assert.Equal("timeout", Tag(revoke, "linode.outcome"));
        Assert.Equal("timeout", Tag(revoke, "error.type"));
        var activity = Assert.Single(await StoppedActivitiesAsync(1));
        Assert.Equal("timeout", activity.GetTagItem("linode.outcome"));
        var log = Assert.Single(host.Logs.Linode, entry => entry.EventId.Id == 5012);
        Assert.StartsWith($"Revoking the Linode token of scheme '{_scheme}' took longer than 00:00:03 and was abandoned. The local sign-out goes on.", log.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revocation_the_caller_cancels_is_reported_and_counted_as_cancelled()
    {
        var (host, calls, _, _) = await StartAsync();
        await using var _ = host;
        var revoker = host.Services.GetRequiredService<ILinodeTokenRevoker>();

        var result = await revoker.RevokeAsync(new DefaultHttpContext { RequestServices = host.Services }, _scheme, "a-token", new CancellationToken(canceled: true));

        Assert.Equal(LinodeTokenRevocationOutcome.Failed, result.Outcome);
        Assert.Equal("cancelled", result.Error);
        Assert.Null(result.StatusCode);
        var revoke = Assert.Single(calls.GetMeasurementSnapshot());
        Assert.Equal("cancelled", Tag(revoke, "linode.outcome"));
        Assert.Equal("cancelled", Tag(revoke, "error.type"));
        Assert.Null(Tag(revoke, "http.response.status_code"));
        var activity = Assert.Single(await StoppedActivitiesAsync(1));
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        var log = Assert.Single(host.Logs.Linode, entry => entry.EventId.Id == 5015);
        Assert.StartsWith($"Revoking the Linode token of scheme '{_scheme}' failed: cancelled. The local sign-out goes on.", log.Message, StringComparison.Ordinal);
        Assert.Equal("cancelled", Assert.Single(host.Revocations).Error);
    }

    [Fact]
    public async Task Refresh_and_revocation_are_their_own_operations()
    {
        var (host, calls, _, _) = await StartAsync(options => options.AutomaticTokenRefresh = true);
        await using var _ = host;
        using (await SignInAsync(host))
        {
        }

        host.Time.Advance(TimeSpan.FromHours(2) - TimeSpan.FromMinutes(4));
        await host.GetTextAsync("/token");
        using (await host.SignOutAsync())
        {
        }

        Assert.Equal(["exchange", "profile", "refresh", "revoke"], calls.GetMeasurementSnapshot().Select(m => Tag(m, "linode.operation")));
        Assert.All(calls.GetMeasurementSnapshot(), m => Assert.Equal("success", Tag(m, "linode.outcome")));
    }

    [Fact]
    public async Task A_declined_consent_counts_as_denied()
    {
        var (host, calls, _, signIns) = await StartAsync();
        await using var _ = host;
        host.Emulator.Options.ConsentMode = LinodeEmulatorConsentMode.AutoDeny;

        using (await SignInAsync(host))
        {
        }

        Assert.Equal("denied", Tag(await SignInCounter.SingleAsync(signIns), "linode.outcome"));
        Assert.Empty(calls.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task The_meter_comes_from_the_apps_meter_factory()
    {
        var (host, _, _, _) = await StartAsync();
        await using var _ = host;

        var options = host.Services.GetRequiredService<IOptionsMonitor<LinodeOptions>>().Get(_scheme);
        var instruments = host.Services.GetRequiredService<LinodeInstrumentation>();

        Assert.Same(instruments, options.Instrumentation);
        Assert.Equal(LinodeTelemetry.Name, instruments.Calls.Meter.Name);
        Assert.NotNull(instruments.Calls.Meter.Scope);
        Assert.Equal(_scheme, options.SchemeName);
        Assert.NotNull(host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>());
    }
}
