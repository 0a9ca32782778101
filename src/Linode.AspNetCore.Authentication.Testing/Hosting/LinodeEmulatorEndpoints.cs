namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>The URLs of an emulator served at a base address, to put into the code under test's configuration.</summary>
public sealed class LinodeEmulatorEndpoints
{
    private LinodeEmulatorEndpoints(Uri baseAddress) => BaseAddress = baseAddress;

    /// <summary>Where the emulator is served, ending with <c>/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary><c>{base}oauth/authorize</c>.</summary>
    public Uri Authorization => new(BaseAddress, "oauth/authorize");

    /// <summary><c>{base}oauth/token</c>.</summary>
    public Uri Token => new(BaseAddress, "oauth/token");

    /// <summary><c>{base}oauth/revoke</c>.</summary>
    public Uri Revocation => new(BaseAddress, "oauth/revoke");

    /// <summary><c>{base}oauth/token/expire</c> (legacy).</summary>
    public Uri LegacyTokenExpiration => new(BaseAddress, "oauth/token/expire");

    /// <summary><c>{base}v4/</c>, the API root.</summary>
    public Uri Api => new(BaseAddress, "v4/");

    /// <summary><c>{base}v4/profile</c>.</summary>
    public Uri Profile => new(BaseAddress, "v4/profile");

    /// <summary>The endpoints of an emulator served at <paramref name="baseAddress"/> (a trailing <c>/</c> is added).</summary>
    /// <param name="baseAddress">The base address, e.g. <c>http://127.0.0.1:5123</c> or <c>http://localhost:5000/linode-emulator</c>.</param>
    /// <returns>The endpoints.</returns>
    public static LinodeEmulatorEndpoints For(Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        var text = baseAddress.AbsoluteUri;
        return new LinodeEmulatorEndpoints(new Uri(text.EndsWith('/') ? text : text + "/"));
    }
}
