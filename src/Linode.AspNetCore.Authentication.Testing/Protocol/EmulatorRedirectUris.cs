namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>
/// Whether a <c>redirect_uri</c> is one the client registered: it starts with the registered URI, as at Linode; or, when
/// the registered URI is a loopback one without a port (the default client's <c>http://localhost/signin-linode</c>), it
/// is a loopback URI of the same scheme on any port whose path and query start with the registered ones — RFC 8252
/// §7.3's rule for native and local apps, so an app run by <c>dotnet run</c> on any port signs in with the default
/// client. Loopback hosts are <c>localhost</c>, <c>127.0.0.1</c> and <c>[::1]</c>; a URI with user information never
/// matches that way.
/// </summary>
internal static class EmulatorRedirectUris
{
    public static bool Matches(string registered, string requested)
    {
        if (requested.StartsWith(registered, StringComparison.Ordinal))
        {
            return true;
        }

        return Uri.TryCreate(registered, UriKind.Absolute, out var mine)
            && Uri.TryCreate(requested, UriKind.Absolute, out var theirs)
            && mine.IsLoopback && mine.IsDefaultPort && mine.UserInfo.Length == 0
            && theirs.IsLoopback && theirs.UserInfo.Length == 0
            && string.Equals(mine.Scheme, theirs.Scheme, StringComparison.Ordinal)
            && theirs.PathAndQuery.StartsWith(mine.PathAndQuery, StringComparison.Ordinal);
    }
}
