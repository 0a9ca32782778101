using System.Collections;

namespace Linode.AspNetCore.Authentication;

/// <summary>
/// An immutable, ordered set of Linode scopes, typically what a user granted. Answers
/// "is scope X covered" with Linode's rules (see <see cref="LinodeScope.Covers(LinodeScope)"/>).
/// </summary>
/// <remarks>
/// Documented scopes are held as one 16-bit entry each (their index in the table of 17 families × 3 levels and <c>*</c>), with a
/// 64-bit mask of the documented scopes the set covers, so parsing allocates little and a coverage check is a bit test.
/// Other scopes (legacy levels, families Linode adds later) are kept as written and follow the general rules.
/// </remarks>
public sealed class LinodeScopeSet : IReadOnlyCollection<LinodeScope>
{
    /// <summary>Entries below this value are documented-scope indexes; an entry <c>e</c> at or above it is <c>_others[e - OtherBase]</c>.</summary>
    internal const ushort OtherBase = 64;

    private readonly ushort[] _order;
    private readonly int _count;
    private readonly LinodeScope[] _others;
    private readonly ulong _coveredKnown;

    internal LinodeScopeSet(ushort[] order, int count, LinodeScope[] others, ulong coveredKnown)
    {
        _order = order;
        _count = count;
        _others = others;
        _coveredKnown = coveredKnown;
    }

    /// <summary>The empty set.</summary>
    public static LinodeScopeSet Empty { get; } = new([], 0, [], 0);

    /// <inheritdoc />
    public int Count => _count;

    /// <summary>Whether the set holds <c>*</c>.</summary>
    public bool IsEverything => Array.IndexOf(_order, (ushort)LinodeScopes.EverythingIndex, 0, _count) >= 0;

    /// <summary>Creates a set from scope strings (each may hold several scopes).</summary>
    /// <param name="scopes">The scopes.</param>
    /// <returns>The set.</returns>
    public static LinodeScopeSet Create(params IEnumerable<string> scopes) => LinodeScopes.Parse(scopes);

    /// <summary>Whether a scope of this set covers <paramref name="required"/>.</summary>
    /// <param name="required">The required scope.</param>
    /// <returns><see langword="true"/> when covered.</returns>
    public bool Covers(LinodeScope required)
    {
        if (required.KnownIndex >= 0)
        {
            if ((_coveredKnown & (1UL << required.KnownIndex)) != 0)
            {
                return true;
            }

            // Documented scopes are all in the mask; only scopes outside the table (legacy levels) may still cover it.
            foreach (var other in _others)
            {
                if (other.Covers(required))
                {
                    return true;
                }
            }

            return false;
        }

        // A scope outside the documented table follows the general rules against every scope of the set.
        foreach (var scope in this)
        {
            if (scope.Covers(required))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a scope of this set covers <paramref name="required"/>.</summary>
    /// <param name="required">The required scope, for example <c>linodes:read_only</c>.</param>
    /// <returns><see langword="true"/> when covered.</returns>
    public bool Covers(string required) => LinodeScope.TryParse(required, out var scope) && Covers(scope);

    /// <summary>Whether every scope of <paramref name="required"/> is covered.</summary>
    /// <param name="required">The required scopes.</param>
    /// <returns><see langword="true"/> when all are covered.</returns>
    public bool CoversAll(IEnumerable<string> required) => Missing(required).Count == 0;

    /// <summary>The scopes of <paramref name="required"/> that this set does not cover, in their order.</summary>
    /// <param name="required">The required scopes (each entry may hold several).</param>
    /// <returns>The missing scopes.</returns>
    public IReadOnlyList<LinodeScope> Missing(IEnumerable<string> required)
    {
        ArgumentNullException.ThrowIfNull(required);
        return LinodeScopes.Parse(required).Where(scope => !Covers(scope)).ToArray();
    }

    /// <summary>Returns a set holding the scopes of both sets.</summary>
    /// <param name="other">The other set.</param>
    /// <returns>The union, this set's scopes first.</returns>
    public LinodeScopeSet Union(LinodeScopeSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return LinodeScopes.Build(this.Concat(other));
    }

    /// <summary>Formats the set as Linode does in responses (space-separated) or as a request (comma-separated).</summary>
    /// <param name="separator">The separator.</param>
    /// <returns>The list.</returns>
    public string ToString(string separator) => string.Join(separator, this.Select(scope => scope.Value));

    /// <summary>Formats the set space-separated, as Linode's token responses do.</summary>
    /// <returns>The list.</returns>
    public override string ToString() => ToString(" ");

    /// <inheritdoc />
    public IEnumerator<LinodeScope> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            var entry = _order[i];
            yield return entry < OtherBase ? LinodeScopes.KnownScope(entry) : _others[entry - OtherBase];
        }
    }

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
