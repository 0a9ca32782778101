namespace Linode.AspNetCore.Authentication;

public static partial class LinodeScopes
{
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

        // At most one scope more than there are separators: one array, sized once.
        var builder = new SetBuilder(value.AsSpan().Count(' ') + value.AsSpan().Count(',') + 1);
        builder.AddList(value);
        return builder.Build();
    }

    /// <summary>Parses several values (for example one per claim) into one set.</summary>
    /// <param name="values">Scope lists; each may itself hold several scopes.</param>
    /// <returns>The union of all scopes.</returns>
    public static LinodeScopeSet Parse(IEnumerable<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var builder = new SetBuilder(4);
        foreach (var value in values)
        {
            builder.AddList(value);
        }

        return builder.Build();
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
    internal static bool Covers(string? granted, string required) => Parse(granted).Covers(required);

    /// <summary>Builds a set from scopes, dropping duplicates, keeping the first occurrence's order.</summary>
    internal static LinodeScopeSet Build(IEnumerable<LinodeScope> scopes)
    {
        var builder = new SetBuilder(4);
        foreach (var scope in scopes)
        {
            builder.Add(scope);
        }

        return builder.Build();
    }

    /// <summary>The shared instance of a documented scope spelled <paramref name="token"/>, or null.</summary>
    internal static LinodeScope? Documented(ReadOnlySpan<char> token) =>
        LinodeScopeTables.ByText.TryGetValue(token, out var scope) ? scope : null;

    /// <summary>The interned name of a documented family, or null.</summary>
    internal static string? KnownFamily(ReadOnlySpan<char> family) =>
        LinodeScopeTables.FamilyNames.TryGetValue(family, out var name) ? name : null;

    /// <summary>Collects distinct scopes in order: a linear duplicate check while the set is small (a user grants a few
    /// dozen scopes at most), a hash set beyond that so that any number stays linear.</summary>
    private struct SetBuilder(int capacity)
    {
        private const int LinearLimit = 32;
        private LinodeScope[] _items = new LinodeScope[Math.Max(capacity, 1)];
        private int _count;
        private HashSet<LinodeScope>? _seen;

        public void AddList(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return;
            }

            var text = value.AsSpan();
            foreach (var range in text.SplitAny(LinodeScopeTables.Separators))
            {
                var token = text[range];
                if (!token.IsEmpty)
                {
                    Add(LinodeScope.FromToken(token, token.Length == value.Length ? value : null));
                }
            }
        }

        public void Add(LinodeScope scope)
        {
            if (_seen is not null)
            {
                if (!_seen.Add(scope))
                {
                    return;
                }
            }
            else if (Array.IndexOf(_items, scope, 0, _count) >= 0)
            {
                return;
            }
            else if (_count == LinearLimit)
            {
                _seen = [.. _items.AsSpan(0, _count).ToArray(), scope];
            }

            if (_count == _items.Length)
            {
                Array.Resize(ref _items, _items.Length * 2);
            }

            _items[_count++] = scope;
        }

        public readonly LinodeScopeSet Build()
        {
            if (_count == 0)
            {
                return LinodeScopeSet.Empty;
            }

            var items = _items;
            if (_count < items.Length)
            {
                Array.Resize(ref items, _count);
            }

            return new LinodeScopeSet(items);
        }
    }
}
