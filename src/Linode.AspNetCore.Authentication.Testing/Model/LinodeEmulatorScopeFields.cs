namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>Which scope fields the emulator's token responses carry. Linode sends both <c>scope</c> and <c>scopes</c>, space-separated.</summary>
public enum LinodeEmulatorScopeFields
{
    /// <summary>Both <c>scope</c> and <c>scopes</c> (what Linode sends).</summary>
    Both = 0,

    /// <summary>Only <c>scope</c> (RFC 6749).</summary>
    ScopeOnly = 1,

    /// <summary>Only <c>scopes</c> (what Linode's own clients read).</summary>
    ScopesOnly = 2,

    /// <summary>Neither field.</summary>
    None = 3,
}
