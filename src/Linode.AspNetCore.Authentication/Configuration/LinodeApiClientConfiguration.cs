using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>
/// Reads an API client's base address from configuration, <c>LinodeApi:BaseAddress</c>, before the code's own
/// <c>AddLinodeUserAccessToken(options =&gt; ...)</c> (code wins). It is how an emulator started elsewhere (the
/// <c>linode-emulator</c> tool, an Aspire app host, a test) points the app's API calls at itself with the same key it
/// sets for the sign-in endpoints.
/// </summary>
internal static class LinodeApiClientConfiguration
{
    /// <summary>The configuration key.</summary>
    public const string BaseAddressKey = "LinodeApi:BaseAddress";

    /// <summary>Applies <see cref="BaseAddressKey"/> to the client's options when it is set.</summary>
    public static void Apply(LinodeApiClientOptions options, IServiceProvider services)
    {
        if (services.GetService<IConfiguration>()?[BaseAddressKey] is not { Length: > 0 } text)
        {
            return;
        }

        if (!Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            throw new OptionsValidationException(BaseAddressKey, typeof(LinodeApiClientOptions), [$"'{BaseAddressKey}' must be an absolute http(s) URL such as https://api.linode.com/v4/; it is '{text}'."]);
        }

        options.BaseAddress = address;
    }
}
