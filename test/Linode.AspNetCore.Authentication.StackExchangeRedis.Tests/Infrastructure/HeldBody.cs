using System.Net;

namespace Linode.AspNetCore.Authentication.StackExchangeRedis.Tests.Infrastructure;

/// <summary>A request body that sends its first byte at once and its last only when the test calls <see cref="Release"/>:
/// the slow upload of the security review, without a clock a loaded machine could beat.</summary>
public sealed class HeldBody : HttpContent
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _released.TrySetResult();

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await stream.WriteAsync("a"u8.ToArray());
        await stream.FlushAsync();
        await _released.Task;
        await stream.WriteAsync("z"u8.ToArray());
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
