using System.Collections;

namespace Linode.AspNetCore.Authentication;

/// <summary>
/// An immutable, ordered set of Linode scopes, typically what a user granted, made by
/// <see cref="LinodeScopes.Parse(string?)"/>. Answers "is scope X covered" with Linode's rules
/// (<see cref="LinodeScope.Covers(LinodeScope)"/>): each scope of the set is tried in turn; a set holds a few dozen
/// scopes at most, so a loop is all it takes.
/// </summary>
public sealed class LinodeScopeSet : IReadOnlyCollection<LinodeScope>
{
    private readonly LinodeScope[] _scopes;

    /// <summary>Takes ownership of <paramref name="scopes"/>, which must be distinct.</summary>
    internal LinodeScopeSet(LinodeScope[] scopes) => _scopes = scopes;

    /// <summary>The empty set.</summary>
    public static LinodeScopeSet Empty { get; } = new([]);

    /// <inheritdoc />
    public int Count => _scopes.Length;

    /// <summary>The scopes in order, for loops that must not allocate an enumerator.</summary>
    internal ReadOnlySpan<LinodeScope> AsSpan() => _scopes;

    /// <summary>Whether the set holds <c>*</c>.</summary>
    public bool IsEverything => Array.Exists(_scopes, scope => scope.IsEverything);

    /// <summary>Whether a scope of this set covers <paramref name="required"/>.</summary>
    /// <param name="required">The required scope.</param>
    /// <returns><see langword="true"/> when covered.</returns>
    public bool Covers(LinodeScope required)
    {
        foreach (var scope in _scopes)
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
    public string ToString(string separator) => string.Join(separator, _scopes.Select(scope => scope.Value));

    /// <summary>Formats the set space-separated, as Linode's token responses do.</summary>
    /// <returns>The list.</returns>
    public override string ToString() => ToString(" ");

    /// <inheritdoc />
    public IEnumerator<LinodeScope> GetEnumerator() => ((IEnumerable<LinodeScope>)_scopes).GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
