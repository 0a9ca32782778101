namespace Linode.AspNetCore.Authentication;

/// <summary>Options of an <see cref="System.Net.Http.HttpClient"/> that calls the Linode API as the signed-in user.</summary>
public sealed class LinodeApiClientOptions
{
    /// <summary>The default API root, <c>https://api.linode.com/v4/</c>.</summary>
    public static Uri DefaultBaseAddress => new("https://api.linode.com/v4/");

    /// <summary>The API root requests are relative to: configuration's <c>LinodeApi:BaseAddress</c> when set (an emulator
    /// sets it), otherwise <see cref="DefaultBaseAddress"/>. Point it at an emulator in tests (<c>.../v4/</c>).</summary>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>The scheme holding the user's ticket (the cookie); null for the default authenticate scheme.</summary>
    public string? SignInScheme { get; set; }
}
