using System.Buffers;
using System.Collections.Frozen;

namespace Linode.AspNetCore.Authentication;

public static partial class LinodeScopes
{
    private static readonly SearchValues<char> Separators = SearchValues.Create(" ,\t\r\n");

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

        var span = value.AsSpan();
        var scopes = new LinodeScope[span.Count(' ') + span.Count(',') + 1];
        var count = 0;
        while (!span.IsEmpty)
        {
            var end = span.IndexOfAny(Separators);
            var token = end < 0 ? span : span[..end];
            if (!token.IsEmpty)
            {
                var scope = FromToken(token, token.Length == value.Length ? value : null);
                if (Array.IndexOf(scopes, scope, 0, count) < 0)
                {
                    scopes[count++] = scope;
                }
            }

            span = end < 0 ? [] : span[(end + 1)..];
        }

        return count == 0 ? LinodeScopeSet.Empty : new LinodeScopeSet(scopes, count);
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

        return scopes.Count == 0 ? LinodeScopeSet.Empty : new LinodeScopeSet([.. scopes], scopes.Count);
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

    /// <summary>A scope from a token known to hold no separator: the shared instance for a documented scope, otherwise a new one.</summary>
    /// <param name="token">The token.</param>
    /// <param name="text">The token as a string, when the caller already has one.</param>
    internal static LinodeScope FromToken(ReadOnlySpan<char> token, string? text) =>
        KnownScopeTable.Lookup.TryGetValue(token, out var known) ? known : LinodeScope.FromUnknownToken(text ?? token.ToString());

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

    /// <summary>Every documented scope (17 families × 3 levels, and <c>*</c>), looked up by span: parsing a known scope
    /// allocates nothing. A nested class, so it is built on first use, after <see cref="Families"/> (declared in another file).</summary>
    private static class KnownScopeTable
    {
        public static readonly FrozenDictionary<string, LinodeScope>.AlternateLookup<ReadOnlySpan<char>> Lookup = Families
            .SelectMany(family => new[] { LinodeScope.Create(family, LinodeScopeLevel.ReadOnly), LinodeScope.Create(family, LinodeScopeLevel.ReadWrite), LinodeScope.Create(family, LinodeScopeLevel.All) })
            .Append(LinodeScope.Everything)
            .ToFrozenDictionary(scope => scope.Value, StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
    }
}
