namespace Linode.AspNetCore.Authentication;

/// <summary>
/// Claim types the Linode handler issues besides the standard name identifier, name and email claims.
/// </summary>
public static class LinodeClaimTypes
{
    /// <summary>One claim per scope the user granted, valued as Linode spells the scope (<c>linodes:read_only</c>, <c>*</c>).</summary>
    public const string Scope = "urn:linode:scope";

    /// <summary>The profile's <c>timezone</c> (for example <c>US/Eastern</c>).</summary>
    public const string Timezone = "urn:linode:timezone";

    /// <summary>The profile's <c>restricted</c> flag: <c>true</c> when the user is limited by grants.</summary>
    public const string Restricted = "urn:linode:restricted";

    /// <summary>The profile's <c>two_factor_auth</c> flag.</summary>
    public const string TwoFactorAuth = "urn:linode:two_factor_auth";

    /// <summary>The profile's <c>user_type</c> (<c>default</c>, <c>parent</c>, <c>child</c>, <c>proxy</c>, <c>delegate</c>), when Linode sends it.</summary>
    public const string UserType = "urn:linode:user_type";

    /// <summary>The profile's <c>authentication_type</c> (<c>password</c>, <c>github</c>, <c>google</c>).</summary>
    public const string AuthenticationType = "urn:linode:authentication_type";
}
