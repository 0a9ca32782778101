using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;

namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>
/// The one sender of the package's back-channel calls (code exchange, refresh, profile, revocation): counts the call
/// (<see cref="LinodeTelemetry"/>), sends the request through the options' <c>Backchannel</c>, and turns every
/// answer into a <see cref="LinodeBackchannelAnswer{T}"/>: a 2xx the endpoint's reader accepts, or a failure for a non-2xx
/// (status, Linode's error code; the body logged only at Debug), a 2xx it refuses (malformed), a time-out or a network
/// error. Never throws for Linode or the network; the caller's cancellation propagates. Each endpoint adds only what is
/// its own: the request and how its answer is read.
/// </summary>
internal static class LinodeBackchannel
{
    /// <param name="options">The scheme's options.</param>
    /// <param name="request">The request (disposed here).</param>
    /// <param name="call">The endpoint's name in logs and messages (<c>token</c>), the operation in telemetry
    /// (<c>exchange</c>), and how a 2xx is read.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="cancellationToken">The caller's cancellation; also ends the call when <paramref name="timeout"/> passes.</param>
    /// <param name="timeout">A deadline of the call's own beyond <c>BackchannelTimeout</c>;
    /// when it passes the answer is <see cref="LinodeBackchannelAnswer{T}.TimedOut"/> (nothing logged: the caller says).</param>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<LinodeBackchannelAnswer<T>> SendAsync<T>(LinodeOptions options, HttpRequestMessage request, LinodeBackchannelCall<T> call, ILogger logger, CancellationToken cancellationToken, TimeSpan? timeout = null)
        where T : class
    {
        using var telemetry = LinodeTelemetry.Start(options, call.Operation);
        using var deadline = timeout is { } limit ? new CancellationTokenSource(limit, options.TimeProvider ?? TimeProvider.System) : null;
        using var linked = deadline is null ? null : CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        var token = linked?.Token ?? cancellationToken;
        try
        {
            using var response = await options.Backchannel.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                var failure = await LinodeFailure.FromResponseAsync(call.Endpoint, response, options.TimeProvider, logger, token).ConfigureAwait(false);
                telemetry.Failed(failure);
                return new(status, null, failure);
            }

            var value = call.Read is null ? null : await call.Read(response, token).ConfigureAwait(false);
            if (call.Read is null || value is not null)
            {
                telemetry.Succeeded(status);
                return new(status, value, null);
            }

            LinodeLog.MalformedResponse(logger, call.Endpoint, status, response.Content.Headers.ContentType?.MediaType);
            telemetry.Failed("malformed", status, "malformed");
            return new(status, null, LinodeFailure.Create(call.MalformedMessage(status), call.MalformedError));
        }
        catch (OperationCanceledException) when (deadline?.IsCancellationRequested == true && !cancellationToken.IsCancellationRequested)
        {
            telemetry.Failed("timeout", null, "timeout");
            return new(null, null, null) { TimedOut = true };
        }
        catch (Exception exception) when (LinodeConnectionFailure.IsBackchannelFailure(exception, token))
        {
            var failure = LinodeConnectionFailure.Failure(call.Endpoint, exception, options.BackchannelTimeout, logger);
            telemetry.Failed(failure);
            return new(null, null, failure);
        }
        finally
        {
            request.Dispose();
        }
    }
}

/// <summary>What one back-channel endpoint brings to <see cref="LinodeBackchannel.SendAsync"/>.</summary>
/// <typeparam name="T">What a 2xx answer is read as.</typeparam>
/// <param name="Endpoint">Its name in logs and failure messages (<c>token</c>, <c>profile</c>, <c>revocation</c>).</param>
/// <param name="Operation">Its operation in telemetry (<c>exchange</c>, <c>refresh</c>, <c>profile</c>, <c>revoke</c>).</param>
/// <param name="Read">Reads a 2xx answer: the value, or null when the body is not what the endpoint answers (then a
/// failure coded <see cref="MalformedError"/>); null when any 2xx is success and the body is not read.</param>
/// <param name="MalformedError">The error code of a refused 2xx answer.</param>
/// <param name="MalformedMessage">The failure message of a refused 2xx answer, given its status.</param>
internal sealed record LinodeBackchannelCall<T>(
    string Endpoint,
    string Operation,
    Func<HttpResponseMessage, CancellationToken, ValueTask<T?>>? Read,
    string MalformedError,
    Func<int, string> MalformedMessage)
    where T : class;

/// <summary>The outcome of a back-channel call.</summary>
/// <typeparam name="T">What a 2xx answer was read as.</typeparam>
/// <param name="Status">Linode's HTTP status, or null when Linode did not answer.</param>
/// <param name="Value">The 2xx answer as read (null when the call failed or its body is not read).</param>
/// <param name="Failure">Why the call failed, or null when it succeeded (or timed out).</param>
internal sealed record LinodeBackchannelAnswer<T>(int? Status, T? Value, LinodeAuthenticationFailureException? Failure)
    where T : class
{
    /// <summary>Whether the call's own deadline passed before Linode answered.</summary>
    public bool TimedOut { get; init; }
}
