namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>
/// Linode's scope grammar as the emulator (Linode's side) understands it. Written independently of the handler
/// package on purpose: requests may separate scopes with commas or spaces; <c>*</c> is everything; <c>family:*</c> is a
/// whole family; <c>read_write</c> includes <c>read_only</c>; legacy <c>view</c> is read-only and
/// <c>create</c>/<c>modify</c>/<c>delete</c> are read-write.
/// </summary>
internal static class EmulatorScopes
{
    private static readonly Dictionary<string, string> FamilyNames = new(StringComparer.Ordinal)
    {
        ["account"] = "Account", ["child_account"] = "Child accounts", ["databases"] = "Databases", ["domains"] = "Domains",
        ["events"] = "Events", ["firewall"] = "Firewalls", ["images"] = "Images", ["ips"] = "IPs", ["linodes"] = "Linodes",
        ["lke"] = "Kubernetes (LKE)", ["longview"] = "Longview", ["monitor"] = "Monitor", ["nodebalancers"] = "NodeBalancers",
        ["object_storage"] = "Object Storage", ["stackscripts"] = "StackScripts", ["volumes"] = "Volumes", ["vpc"] = "VPC",
    };

    public static List<string> Split(string? value)
    {
        var result = new List<string>();
        if (string.IsNullOrWhiteSpace(value))
        {
            return result;
        }

        foreach (var item in value.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!result.Contains(item, StringComparer.Ordinal))
            {
                result.Add(item);
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
        var name = FamilyNames.TryGetValue(family, out var known) ? known : family;
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
