using System.Text.Json;

namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>
/// Reads the scopes Linode granted from a token response. Linode sends both <c>scopes</c> (read by Linode's own
/// clients) and <c>scope</c> (RFC 6749), space-separated; older answers used commas; full access is <c>*</c>.
/// <c>scopes</c> wins when both are present. A JSON array is accepted too.
/// </summary>
internal static class LinodeGrantedScopes
{
    public static LinodeScopeSet Read(JsonElement tokenResponse, out bool present)
    {
        present = false;
        if (tokenResponse.ValueKind != JsonValueKind.Object)
        {
            return LinodeScopeSet.Empty;
        }

        foreach (var name in (ReadOnlySpan<string>)["scopes", "scope"])
        {
            if (!tokenResponse.TryGetProperty(name, out var value))
            {
                continue;
            }

            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    present = true;
                    return LinodeScopes.Parse(value.GetString());
                case JsonValueKind.Array:
                    present = true;
                    return LinodeScopes.Parse(value.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()));
            }
        }

        return LinodeScopeSet.Empty;
    }
}
