using System.Buffers;

namespace Linode.AspNetCore.Authentication;

public static partial class LinodeScopes
{
    /// <summary>The index of <c>*</c> among the documented scopes; family <c>f</c> at level <c>l</c> is <c>3f + l</c>.</summary>
    internal const int EverythingIndex = 51;

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

        var text = value.AsSpan();
        var maxTokens = (text.Length / 2) + 1;
        var rented = maxTokens > 128 ? ArrayPool<ushort>.Shared.Rent(maxTokens) : null;
        var order = rented is null ? stackalloc ushort[maxTokens] : rented.AsSpan(0, maxTokens);
        var count = 0;
        List<LinodeScope>? others = null;
        ulong present = 0;
        ulong covered = 0;
        var position = 0;
        while (position < text.Length)
        {
            if (IsSeparator(text[position]))
            {
                position++;
                continue;
            }

            var rest = text[position..];
            var index = MatchKnown(rest, out var length);
            if (index >= 0)
            {
                // A documented scope: one bit says whether it is a duplicate, one mask says what it covers.
                if ((present & (1UL << index)) == 0)
                {
                    present |= 1UL << index;
                    covered |= KnownScopeTable.Covers[index];
                    order[count++] = (ushort)index;
                }
            }
            else
            {
                length = rest.IndexOfAny(Separators) is var end and >= 0 ? end : rest.Length;
                var other = LinodeScope.FromUnknownToken(length == value.Length ? value : rest[..length].ToString());
                others ??= [];
                if (!others.Contains(other))
                {
                    order[count++] = (ushort)(LinodeScopeSet.OtherBase + others.Count);
                    others.Add(other);
                }
            }

            position += length;
        }

        var result = count switch
        {
            0 => LinodeScopeSet.Empty,
            1 when others is null => KnownScopeTable.Singles[order[0]],
            _ => new LinodeScopeSet(order[..count].ToArray(), count, others is null ? [] : [.. others], covered),
        };
        if (rented is not null)
        {
            ArrayPool<ushort>.Shared.Return(rented);
        }

        return result;
    }

    /// <summary>Parses several values (for example one per claim) into one set.</summary>
    /// <param name="values">Scope lists; each may itself hold several scopes.</param>
    /// <returns>The union of all scopes.</returns>
    public static LinodeScopeSet Parse(IEnumerable<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Build(values.SelectMany(value => Parse(value)));
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

    /// <summary>Builds a set from scopes, dropping duplicates, keeping the first occurrence's order.</summary>
    internal static LinodeScopeSet Build(IEnumerable<LinodeScope> scopes)
    {
        var order = new List<ushort>();
        var others = new List<LinodeScope>();
        ulong present = 0;
        ulong covered = 0;
        foreach (var scope in scopes)
        {
            var index = scope.KnownIndex >= 0 ? scope.KnownIndex : KnownIndex(scope.Value);
            if (index >= 0)
            {
                if ((present & (1UL << index)) == 0)
                {
                    present |= 1UL << index;
                    covered |= KnownScopeTable.Covers[index];
                    order.Add((ushort)index);
                }
            }
            else if (!others.Contains(scope))
            {
                order.Add((ushort)(LinodeScopeSet.OtherBase + others.Count));
                others.Add(scope);
            }
        }

        return order.Count == 0 ? LinodeScopeSet.Empty : new LinodeScopeSet([.. order], order.Count, [.. others], covered);
    }

    /// <summary>The documented scope with index <paramref name="index"/>.</summary>
    internal static LinodeScope KnownScope(int index) => KnownScopeTable.Scopes[index];

    /// <summary>A scope from a token known to hold no separator: the shared instance for a documented scope, otherwise a new one.</summary>
    /// <param name="token">The token.</param>
    /// <param name="text">The token as a string, when the caller already has one.</param>
    internal static LinodeScope FromToken(ReadOnlySpan<char> token, string? text) =>
        KnownIndex(token) is var index and >= 0 ? KnownScopeTable.Scopes[index] : LinodeScope.FromUnknownToken(text ?? token.ToString());

    /// <summary>Returns the interned family name for a known family.</summary>
    internal static string? InternFamily(ReadOnlySpan<char> family)
    {
        foreach (var known in KnownScopeTable.FamilyNames)
        {
            if (family.SequenceEqual(known))
            {
                return known;
            }
        }

        return null;
    }

    /// <summary>The index of a documented scope (3 × family + level, or <see cref="EverythingIndex"/>) when the whole token is one, or -1.</summary>
    private static int KnownIndex(ReadOnlySpan<char> token) =>
        !token.IsEmpty && MatchKnown(token, out var length) is var index and >= 0 && length == token.Length ? index : -1;

    /// <summary>
    /// Matches a documented scope at the start of <paramref name="text"/>, followed by a separator or the end: the
    /// candidate families by first letter, one comparison for the family, one for the level. No tokenising, no allocation.
    /// </summary>
    /// <returns>The scope's index and, in <paramref name="length"/>, its length; or -1.</returns>
    private static int MatchKnown(ReadOnlySpan<char> text, out int length)
    {
        length = 0;
        if (text[0] == '*')
        {
            length = 1;
            return EndsToken(text, 1) ? EverythingIndex : -1;
        }

        var letter = text[0] - 'a';
        if ((uint)letter >= 26)
        {
            return -1;
        }

        foreach (var family in KnownScopeTable.FamiliesByFirstLetter[letter])
        {
            var name = KnownScopeTable.FamilyNames[family];
            if (text.Length <= name.Length + 1 || text[name.Length] != ':' || !text.StartsWith(name, StringComparison.Ordinal))
            {
                continue;
            }

            var level = text[(name.Length + 1)..];
            var (levelIndex, levelLength) =
                level.StartsWith("read_only", StringComparison.Ordinal) ? (0, 9)
                : level.StartsWith("read_write", StringComparison.Ordinal) ? (1, 10)
                : level[0] == '*' ? (2, 1)
                : (-1, 0);
            length = name.Length + 1 + levelLength;
            return levelIndex >= 0 && EndsToken(text, length) ? (3 * family) + levelIndex : -1;
        }

        return -1;
    }

    private static bool EndsToken(ReadOnlySpan<char> text, int position) => position == text.Length || IsSeparator(text[position]);

    private static bool IsSeparator(char c) => c is ' ' or ',' or '\t' or '\r' or '\n';

    /// <summary>Every documented scope (17 families × 3 levels, and <c>*</c>) by index: parsing a known scope allocates
    /// nothing. A nested class, so it is built on first use, after <see cref="Families"/> (declared in another file).</summary>
    private static class KnownScopeTable
    {
        public static readonly string[] FamilyNames = [.. Families];

        /// <summary>For each letter a-z, the indexes of the families that start with it.</summary>
        public static readonly int[][] FamiliesByFirstLetter = Enumerable.Range(0, 26)
            .Select(letter => Enumerable.Range(0, FamilyNames.Length).Where(family => FamilyNames[family][0] - 'a' == letter).ToArray())
            .ToArray();

        public static readonly LinodeScope[] Scopes = FamilyNames
            .SelectMany((family, f) => new[]
            {
                LinodeScope.CreateKnown(family, LinodeScopeLevel.ReadOnly, (3 * f) + 0),
                LinodeScope.CreateKnown(family, LinodeScopeLevel.ReadWrite, (3 * f) + 1),
                LinodeScope.CreateKnown(family, LinodeScopeLevel.All, (3 * f) + 2),
            })
            .Append(LinodeScope.Everything)
            .ToArray();

        /// <summary>For each documented scope, the set holding only it: immutable, so shared.</summary>
        public static readonly LinodeScopeSet[] Singles = Enumerable.Range(0, Scopes.Length)
            .Select(index => new LinodeScopeSet([(ushort)index], 1, [], CoverageOf(index)))
            .ToArray();

        /// <summary>For each documented scope, the bits of the documented scopes it covers (by <see cref="LinodeScope.Covers(LinodeScope)"/>).</summary>
        public static readonly ulong[] Covers = Enumerable.Range(0, Scopes.Length).Select(CoverageOf).ToArray();

        private static ulong CoverageOf(int index) =>
            Scopes.Where(Scopes[index].Covers).Aggregate(0UL, (mask, required) => mask | (1UL << required.KnownIndex));
    }
}
