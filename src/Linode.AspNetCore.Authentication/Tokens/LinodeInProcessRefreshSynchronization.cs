namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>The default <see cref="ILinodeTokenRefreshSynchronization"/>: one process, whose refresher already runs one
/// flight per refresh token, so the refresh runs directly.</summary>
internal sealed class LinodeInProcessRefreshSynchronization : ILinodeTokenRefreshSynchronization
{
    public Task<LinodeRefreshedTokens> RefreshOnceAsync(string scheme, string key, Func<Task<LinodeRefreshedTokens>> refresh)
    {
        ArgumentNullException.ThrowIfNull(refresh);
        return refresh();
    }
}
