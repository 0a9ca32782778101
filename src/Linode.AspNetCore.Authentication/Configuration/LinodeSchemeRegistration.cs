namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>One registration per <c>AddLinode</c> call, so start-up checks can see every Linode scheme.</summary>
internal sealed record LinodeSchemeRegistration(string Scheme);
