namespace Linode.AspNetCore.Authentication;

public static partial class LinodeScopes
{
    private static readonly System.Buffers.SearchValues<char> Separators = System.Buffers.SearchValues.Create(" ,\t\r\n");

    /// <summary>
    /// Parses a scope list as Linode sends or accepts it: separated by spaces and/or commas, in any mix.
    /// Empty entries are skipped, duplicates are removed, unknown scopes are kept.
    /// </summary>
    /// <param name="value">The list, for example <c>"linodes:read_only domains:*"</c> or <c>"*"</c>. Null or empty gives an empty set.</param>
    /// <returns>The set of scopes.</returns>
    public static LinodeScopeSet Parse(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return LinodeScopeSet.Empty;
        }

        // Fast path: a single scope needs no splitting and no new string.
        var span = value.AsSpan();
        if (span.IndexOfAny(Separators) < 0)
        {
            return new LinodeScopeSet([LinodeScope.FromToken(value)]);
        }

        var scopes = new List<LinodeScope>();
        while (!span.IsEmpty)
        {
            var end = span.IndexOfAny(Separators);
            var token = end < 0 ? span : span[..end];
            if (!token.IsEmpty)
            {
                var scope = LinodeScope.FromToken(token.Length == value.Length ? value : InternScope(token) ?? token.ToString());
                if (!scopes.Contains(scope))
                {
                    scopes.Add(scope);
                }
            }

            span = end < 0 ? [] : span[(end + 1)..];
        }

        return new LinodeScopeSet(scopes);
    }

    /// <summary>Parses several values (for example one per claim) into one set.</summary>
    /// <param name="values">Scope lists; each may itself hold several scopes.</param>
    /// <returns>The union of all scopes.</returns>
    public static LinodeScopeSet Parse(IEnumerable<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var scopes = new List<LinodeScope>();
        foreach (var value in values)
        {
            foreach (var scope in Parse(value))
            {
                if (!scopes.Contains(scope))
                {
                    scopes.Add(scope);
                }
            }
        }

        return new LinodeScopeSet(scopes);
    }

    /// <summary>Formats scopes the way Linode's authorize endpoint documents them: comma-separated.</summary>
    /// <param name="scopes">The scopes.</param>
    /// <param name="separator">The separator; Linode accepts <c>","</c> (documented) and <c>" "</c>.</param>
    /// <returns>The formatted list.</returns>
    public static string Format(IEnumerable<string> scopes, string separator = ",")
    {
        ArgumentNullException.ThrowIfNull(scopes);
        return string.Join(separator, scopes);
    }

    /// <summary>Whether the <paramref name="granted"/> list covers the <paramref name="required"/> scope.</summary>
    /// <param name="granted">The granted list, in any format <see cref="Parse(string?)"/> accepts.</param>
    /// <param name="required">One required scope.</param>
    /// <returns><see langword="true"/> when a granted scope covers it.</returns>
    public static bool Covers(string? granted, string required) => Parse(granted).Covers(required);

    /// <summary>Returns the interned constant for a known scope, so parsing known scopes allocates no string.</summary>
    internal static string? InternScope(ReadOnlySpan<char> token)
    {
        var colon = token.IndexOf(':');
        if (colon <= 0 || InternFamily(token[..colon]) is not { } family)
        {
            return token is "*" ? All : null;
        }

        var level = token[(colon + 1)..];
        var index = IndexOfFamily(family);
        return level switch
        {
            "read_only" => KnownScopes[index * 3],
            "read_write" => KnownScopes[(index * 3) + 1],
            "*" => KnownScopes[(index * 3) + 2],
            _ => null,
        };
    }

    /// <summary>Returns the interned family name for a known family.</summary>
    internal static string? InternFamily(ReadOnlySpan<char> family)
    {
        foreach (var known in Families)
        {
            if (family.SequenceEqual(known))
            {
                return known;
            }
        }

        return null;
    }

    private static int IndexOfFamily(string family)
    {
        for (var i = 0; i < Families.Count; i++)
        {
            if (ReferenceEquals(Families[i], family))
            {
                return i;
            }
        }

        return -1;
    }
}
