using System.Diagnostics.CodeAnalysis;

namespace Linode.AspNetCore.Authentication;

/// <summary>
/// One Linode OAuth scope, such as <c>linodes:read_only</c>, <c>domains:*</c> or <c>*</c>.
/// Unknown families and levels are kept as written, so a scope Linode adds later is never lost.
/// </summary>
public readonly struct LinodeScope : IEquatable<LinodeScope>
{
    private LinodeScope(string value, string family, LinodeScopeLevel level)
    {
        Value = value;
        Family = family;
        Level = level;
    }

    /// <summary>The global scope <c>*</c>: read/write access to every family.</summary>
    public static LinodeScope Everything => LinodeScopeTables.Everything;

    /// <summary>The scope exactly as Linode spells it (for example <c>linodes:read_only</c>).</summary>
    public string Value { get; }

    /// <summary>The family (<c>linodes</c>), or <c>*</c> for <see cref="Everything"/>. Empty for a scope with no family.</summary>
    public string Family { get; }

    /// <summary>The access level, or <see cref="LinodeScopeLevel.Unknown"/> when the level is not one Linode documents.</summary>
    public LinodeScopeLevel Level { get; }

    /// <summary>Whether this is the global scope <c>*</c>.</summary>
    public bool IsEverything => string.Equals(Value, LinodeScopes.All, StringComparison.Ordinal);

    /// <summary>Whether this is one of the scopes Linode documents today (17 families × 3 levels, and <c>*</c>).</summary>
    internal bool IsDocumented => Value is not null && LinodeScopes.Documented(Value) is not null;

    /// <summary>Creates the scope <c>family:level</c>.</summary>
    /// <param name="family">A family such as <c>linodes</c>; unknown families are allowed.</param>
    /// <param name="level">The level; <see cref="LinodeScopeLevel.Unknown"/> is not allowed here.</param>
    /// <returns>The scope.</returns>
    public static LinodeScope Create(string family, LinodeScopeLevel level)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(family);
        var levelText = level switch
        {
            LinodeScopeLevel.ReadOnly => "read_only",
            LinodeScopeLevel.ReadWrite => "read_write",
            LinodeScopeLevel.All => "*",
            _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Use ReadOnly, ReadWrite or All."),
        };
        return FromToken(string.Concat(family, ":", levelText));
    }

    /// <summary>Parses one scope. Never throws for unknown families or levels; they are kept as written.</summary>
    /// <param name="value">The scope text, for example <c>linodes:read_write</c>.</param>
    /// <returns>The scope.</returns>
    /// <exception cref="FormatException">The value is empty or contains white space or a comma.</exception>
    public static LinodeScope Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryParse(value, out var scope)
            ? scope
            : throw new FormatException("A Linode scope is a single non-empty token such as 'linodes:read_only' (no spaces or commas).");
    }

    /// <summary>Tries to parse one scope.</summary>
    /// <param name="value">The scope text.</param>
    /// <param name="scope">The parsed scope.</param>
    /// <returns><see langword="true"/> when <paramref name="value"/> is a single non-empty token.</returns>
    public static bool TryParse([NotNullWhen(true)] string? value, out LinodeScope scope)
    {
        scope = default;
        if (string.IsNullOrEmpty(value) || value.AsSpan().IndexOfAny(LinodeScopeTables.Separators) >= 0)
        {
            return false;
        }

        scope = FromToken(value);
        return true;
    }

    /// <summary>Whether holding this scope grants what <paramref name="required"/> asks for:
    /// <c>*</c> covers everything, <c>family:*</c> covers the whole family, <c>read_write</c> covers
    /// <c>read_only</c>, and any scope covers itself.</summary>
    /// <param name="required">The scope an operation needs.</param>
    /// <returns><see langword="true"/> when this scope is enough.</returns>
    public bool Covers(LinodeScope required) => Value is not null && Grants(Value, required);

    /// <summary>Linode's rule on text, without allocating: whether the granted scope <paramref name="granted"/> (one token)
    /// covers <paramref name="required"/>.</summary>
    internal static bool Grants(ReadOnlySpan<char> granted, LinodeScope required)
    {
        if (required.Value is null || granted.IsEmpty)
        {
            return false;
        }

        if (granted.SequenceEqual(LinodeScopes.All) || granted.SequenceEqual(required.Value))
        {
            return true;
        }

        var colon = granted.IndexOf(':');
        if (colon <= 0 || required.Level == LinodeScopeLevel.Unknown || !granted[..colon].SequenceEqual(required.Family))
        {
            return false;
        }

        return ParseLevel(granted[(colon + 1)..]) switch
        {
            LinodeScopeLevel.All => true,
            LinodeScopeLevel.ReadWrite => required.Level is LinodeScopeLevel.ReadWrite or LinodeScopeLevel.ReadOnly,
            LinodeScopeLevel.ReadOnly => required.Level == LinodeScopeLevel.ReadOnly,
            _ => false,
        };
    }

    /// <inheritdoc />
    public bool Equals(LinodeScope other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is LinodeScope other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value is null ? 0 : StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>The scope as Linode spells it.</summary>
    /// <returns><see cref="Value"/>.</returns>
    public override string ToString() => Value ?? string.Empty;

    /// <summary>Compares two scopes by their text.</summary>
    /// <param name="left">The first scope.</param>
    /// <param name="right">The second scope.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(LinodeScope left, LinodeScope right) => left.Equals(right);

    /// <summary>Compares two scopes by their text.</summary>
    /// <param name="left">The first scope.</param>
    /// <param name="right">The second scope.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(LinodeScope left, LinodeScope right) => !left.Equals(right);

    /// <summary>A scope from a token known to hold no separator: the shared instance of a documented scope (same string),
    /// otherwise one kept as written.</summary>
    internal static LinodeScope FromToken(ReadOnlySpan<char> token, string? text = null)
    {
        if (LinodeScopes.Documented(token) is { } documented)
        {
            return documented;
        }

        var value = text ?? token.ToString();
        var colon = token.IndexOf(':');
        if (colon <= 0)
        {
            return new LinodeScope(value, colon == 0 ? string.Empty : value, LinodeScopeLevel.Unknown);
        }

        return new LinodeScope(value, LinodeScopes.KnownFamily(token[..colon]) ?? value[..colon], ParseLevel(token[(colon + 1)..]));
    }

    /// <summary>For the table of documented scopes.</summary>
    internal static LinodeScope CreateDocumented(string value, string family, LinodeScopeLevel level) => new(value, family, level);

    private static LinodeScopeLevel ParseLevel(ReadOnlySpan<char> level) => level switch
    {
        "read_only" or "view" => LinodeScopeLevel.ReadOnly,
        "read_write" or "create" or "modify" or "delete" => LinodeScopeLevel.ReadWrite,
        "*" => LinodeScopeLevel.All,
        _ => LinodeScopeLevel.Unknown,
    };
}
