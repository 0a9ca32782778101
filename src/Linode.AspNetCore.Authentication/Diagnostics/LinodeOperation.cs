using System.Diagnostics;
using Microsoft.AspNetCore.Authentication;

namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>
/// The telemetry of one call to Linode: a client activity with OpenTelemetry's tags and status, one count and one duration.
/// Ended once, by <see cref="Succeeded"/> or <see cref="Failed(string, int?, string)"/>; a call that ends by an exception
/// (the caller gave up) is recorded as <c>cancelled</c> when disposed.
/// </summary>
internal sealed class LinodeOperation : IDisposable
{
    private readonly LinodeInstrumentation? _instruments;
    private readonly string _operation;
    private readonly string _scheme;
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly Activity? _activity;
    private bool _ended;

    public LinodeOperation(LinodeInstrumentation? instruments, string operation, string scheme, TimeProvider time)
    {
        _instruments = instruments;
        _operation = operation;
        _scheme = scheme;
        _time = time;
        _started = time.GetTimestamp();
        _activity = LinodeTelemetryIdentity.ActivitySource.StartActivity("Linode " + operation, ActivityKind.Client);
        _activity?.SetTag("linode.operation", operation);
        _activity?.SetTag("linode.scheme", scheme);
    }

    public void Succeeded(int status) => End("success", status, errorType: null);

    /// <summary>Linode answered an error, or a body that is not what it sends, or could not be reached.</summary>
    /// <param name="outcome"><c>error</c>, <c>malformed</c>, <c>timeout</c>, <c>unreachable</c> or <c>cancelled</c>.</param>
    /// <param name="status">Linode's status, when it answered.</param>
    /// <param name="errorType">Linode's error code when code-shaped, else the status, else the outcome.</param>
    public void Failed(string outcome, int? status, string errorType) => End(outcome, status, errorType);

    /// <summary>Records a failure the back-channel reported.</summary>
    public void Failed(LinodeAuthenticationFailureException failure)
    {
        var status = failure.StatusCode;
        var code = failure.SafeErrorCode;
        var outcome = code is "timeout" or "unreachable" ? code : "error";
        End(outcome, status, code ?? status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? outcome);
    }

    public void Dispose()
    {
        if (!_ended)
        {
            End("cancelled", status: null, errorType: "cancelled");
        }

        _activity?.Dispose();
    }

    private void End(string outcome, int? status, string? errorType)
    {
        if (_ended)
        {
            return;
        }

        _ended = true;
        if (_activity is { } activity)
        {
            activity.SetTag("linode.outcome", outcome);
            if (status is { } code)
            {
                activity.SetTag("http.response.status_code", code);
            }

            if (errorType is not null)
            {
                activity.SetTag("error.type", errorType);
                activity.SetStatus(ActivityStatusCode.Error);
            }
        }

        if (_instruments is null)
        {
            return;
        }

        var tags = new TagList
        {
            { "linode.operation", _operation },
            { "linode.scheme", _scheme },
            { "linode.outcome", outcome },
        };
        if (status is { } statusCode)
        {
            tags.Add("http.response.status_code", statusCode);
        }

        if (errorType is not null)
        {
            tags.Add("error.type", errorType);
        }

        _instruments.Calls.Add(1, tags);
        _instruments.Duration.Record(_time.GetElapsedTime(_started).TotalSeconds, tags);
    }
}
