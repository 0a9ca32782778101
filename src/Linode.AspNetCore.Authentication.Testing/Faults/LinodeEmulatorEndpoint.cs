namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>The endpoints of the emulator, for faults and request records.</summary>
public enum LinodeEmulatorEndpoint
{
    /// <summary>A path the emulator does not serve (answered 404).</summary>
    Unknown = 0,

    /// <summary><c>GET|POST /oauth/authorize</c>.</summary>
    Authorize,

    /// <summary><c>POST /oauth/token</c>.</summary>
    Token,

    /// <summary><c>POST /oauth/revoke</c> and the legacy <c>POST /oauth/token/expire</c>.</summary>
    Revoke,

    /// <summary><c>GET /logout</c>.</summary>
    Logout,

    /// <summary><c>GET /v4/profile</c>.</summary>
    Profile,

    /// <summary><c>GET /v4/account</c> (needs <c>account:read_only</c>).</summary>
    Account,

    /// <summary><c>GET /v4/linode/instances</c> (needs <c>linodes:read_only</c>) and <c>POST</c> (creates one; <c>linodes:read_write</c>).</summary>
    LinodeInstances,

    /// <summary><c>GET</c> and <c>DELETE /v4/linode/instances/{id}</c>.</summary>
    LinodeInstance,

    /// <summary><c>GET /v4/regions</c> (public).</summary>
    Regions,

    /// <summary><c>GET /v4/linode/types</c> (public).</summary>
    LinodeTypes,

    /// <summary><c>GET /v4/linode/stackscripts/{id}</c> (public StackScripts).</summary>
    StackScript,

    /// <summary>An API endpoint added with <see cref="LinodeEmulator.MapApi"/> or <see cref="LinodeEmulator.MapPublicApi"/>;
    /// its records carry the name it was given (<see cref="LinodeEmulatorRequest.EndpointName"/>).</summary>
    Added,

}
