namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>Where a Linode scheme's settings live in configuration, the ASP.NET Core convention: <c>Authentication:Schemes:&lt;scheme&gt;</c>.</summary>
internal static class LinodeConfigurationKeys
{
    /// <summary>The section of <paramref name="scheme"/>.</summary>
    public static string Section(string scheme) => "Authentication:Schemes:" + scheme;

    /// <summary>The full key of a setting of <paramref name="scheme"/>, as error messages name it.</summary>
    public static string Key(string scheme, string setting) => Section(scheme) + ":" + setting;
}
