namespace Linode.AspNetCore.Authentication.StackExchangeRedis.Tests.Infrastructure;

/// <summary>Waits for a condition the servers reach by themselves (a reconnection, a grant at the emulator, a key gone
/// from Redis): checks it every 100 ms, and fails the test naming it when it still does not hold after the bound.</summary>
public static class Poll
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan within, string what)
    {
        var attempts = (int)(within / TimeSpan.FromMilliseconds(100));
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"Waited {within.TotalSeconds:0} s for {what}.");
    }
}
