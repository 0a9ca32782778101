namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>
/// Linode's scope grammar as the emulator (Linode's side) understands it. Written independently of the handler
/// package on purpose: requests may separate scopes with commas or spaces; <c>*</c> is everything; <c>family:*</c> is a
/// whole family; <c>read_write</c> includes <c>read_only</c>; legacy <c>view</c> is read-only and
/// <c>create</c>/<c>modify</c>/<c>delete</c> are read-write.
/// </summary>
internal static class EmulatorScopes
{
    /// <summary>A scope family's name as the consent page shows it, or null for a family the emulator does not know.</summary>
    private static string? FamilyName(string family) => family switch
    {
        "account" => "Account", "child_account" => "Child accounts", "databases" => "Databases", "domains" => "Domains",
        "events" => "Events", "firewall" => "Firewalls", "images" => "Images", "ips" => "IPs", "linodes" => "Linodes",
        "lke" => "Kubernetes (LKE)", "longview" => "Longview", "monitor" => "Monitor", "nodebalancers" => "NodeBalancers",
        "object_storage" => "Object Storage", "stackscripts" => "StackScripts", "volumes" => "Volumes", "vpc" => "VPC",
        _ => null,
    };

    /// <summary>More distinct scopes than this in one request is refused (<c>invalid_scope</c>): Linode has 52.</summary>
    public const int MaxScopes = 256;

    /// <summary>Splits a scope list on commas and spaces, keeping the first of repeated entries, in linear time.</summary>
    public static List<string> Split(string? value, out bool tooMany)
    {
        tooMany = false;
        var result = new List<string>();
        if (string.IsNullOrWhiteSpace(value))
        {
            return result;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var range in value.AsSpan().SplitAny(' ', ','))
        {
            var item = value.AsSpan(range.Start.Value, range.End.Value - range.Start.Value).Trim();
            if (item.IsEmpty)
            {
                continue;
            }

            var scope = item.ToString();
            if (seen.Add(scope))
            {
                if (result.Count == MaxScopes)
                {
                    tooMany = true;
                    return [];
                }

                result.Add(scope);
            }
        }

        return result;
    }

    public static bool Allows(IEnumerable<string> granted, string required) => granted.Any(scope => Allows(scope, required));

    /// <summary>Plain words for the consent page.</summary>
    public static string Describe(string scope)
    {
        if (scope == "*")
        {
            return "Full access to everything on your account (read and write)";
        }

        var (family, level) = SplitScope(scope);
        var name = FamilyName(family) ?? family;
        return Rank(level) switch
        {
            1 => $"{name}: view (read only)",
            2 => $"{name}: view and change (read/write)",
            3 => $"{name}: full access",
            _ => $"{name}: {level}",
        };
    }

    private static bool Allows(string granted, string required)
    {
        if (granted == "*" || string.Equals(granted, required, StringComparison.Ordinal))
        {
            return true;
        }

        var (grantedFamily, grantedLevel) = SplitScope(granted);
        var (requiredFamily, requiredLevel) = SplitScope(required);
        var have = Rank(grantedLevel);
        var need = Rank(requiredLevel);
        return grantedFamily == requiredFamily && have > 0 && need > 0 && have >= need;
    }

    private static (string Family, string Level) SplitScope(string scope)
    {
        var colon = scope.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (scope, string.Empty) : (scope[..colon], scope[(colon + 1)..]);
    }

    private static int Rank(string level) => level switch
    {
        "read_only" or "view" => 1,
        "read_write" or "create" or "modify" or "delete" => 2,
        "*" => 3,
        _ => 0,
    };
}
