namespace Linode.AspNetCore.Authentication.Tests.Infrastructure;

/// <summary>Waits for something another thread or the app under test does after a response: polls every 10 ms, up to
/// 5 s, then asserts it.</summary>
public static class Eventually
{
    /// <summary>Returns once <paramref name="condition"/> holds; fails the test if it still does not after 5 s.</summary>
    /// <param name="condition">What must become true.</param>
    /// <returns>A task.</returns>
    public static async Task TrueAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        Assert.True(condition());
    }
}
