using Microsoft.Extensions.Options;

namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>Requests every <see cref="LinodeOptions.RequiredScopes"/> entry that the requested scopes do not already cover.</summary>
internal sealed class LinodeRequiredScopesSetup : IPostConfigureOptions<LinodeOptions>
{
    public void PostConfigure(string? name, LinodeOptions options)
    {
        var requested = LinodeScopes.Parse(options.Scope);
        foreach (var required in LinodeScopes.Parse(options.RequiredScopes))
        {
            if (!requested.Covers(required))
            {
                options.Scope.Add(required.Value);
            }
        }
    }
}
