namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>The names of the emulator's built-in endpoints, for <see cref="LinodeEmulatorFaults.Add"/>,
/// <see cref="LinodeEmulator.RequestCount"/>, <see cref="LinodeEmulator.RequestsTo"/> and
/// <see cref="LinodeEmulatorRequest.Endpoint"/>. An endpoint added with <see cref="LinodeEmulator.MapApi"/> goes by the name
/// it was given.</summary>
public static class LinodeEmulatorEndpoint
{
    /// <summary>A path the emulator does not serve (answered 404).</summary>
    public const string Unknown = nameof(Unknown);

    /// <summary><c>GET|POST /oauth/authorize</c>.</summary>
    public const string Authorize = nameof(Authorize);

    /// <summary><c>POST /oauth/token</c>.</summary>
    public const string Token = nameof(Token);

    /// <summary><c>POST /oauth/revoke</c> and the legacy <c>POST /oauth/token/expire</c>.</summary>
    public const string Revoke = nameof(Revoke);

    /// <summary><c>GET /logout</c>.</summary>
    public const string Logout = nameof(Logout);

    /// <summary><c>GET /v4/profile</c>.</summary>
    public const string Profile = nameof(Profile);

    /// <summary><c>GET /v4/account</c> (needs <c>account:read_only</c>).</summary>
    public const string Account = nameof(Account);

    /// <summary><c>GET /v4/linode/instances</c> (needs <c>linodes:read_only</c>) and <c>POST</c> (creates one; <c>linodes:read_write</c>).</summary>
    public const string LinodeInstances = nameof(LinodeInstances);

    /// <summary><c>GET</c> and <c>DELETE /v4/linode/instances/{id}</c>.</summary>
    public const string LinodeInstance = nameof(LinodeInstance);

    /// <summary><c>GET /v4/regions</c> (public).</summary>
    public const string Regions = nameof(Regions);

    /// <summary><c>GET /v4/linode/types</c> (public).</summary>
    public const string LinodeTypes = nameof(LinodeTypes);

    /// <summary><c>GET /v4/linode/stackscripts/{id}</c> (public StackScripts).</summary>
    public const string StackScript = nameof(StackScript);


}
