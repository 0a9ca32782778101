using System.Diagnostics.CodeAnalysis;

namespace Linode.AspNetCore.Authentication;

/// <summary>
/// One Linode OAuth scope, such as <c>linodes:read_only</c>, <c>domains:*</c> or <c>*</c>.
/// Unknown families and levels are kept as written, so a scope Linode adds later is never lost.
/// </summary>
public readonly struct LinodeScope : IEquatable<LinodeScope>
{
    private const string ReadOnlyText = "read_only";
    private const string ReadWriteText = "read_write";

    /// <summary>1 + the scope's index among the documented scopes (see <see cref="LinodeScopes"/>), or 0 for any other scope.</summary>
    private readonly int _knownSlot;

    private LinodeScope(string value, string family, LinodeScopeLevel level, int knownIndex = -1)
    {
        Value = value;
        Family = family;
        Level = level;
        _knownSlot = knownIndex + 1;
    }

    /// <summary>The global scope <c>*</c>: read/write access to every family.</summary>
    public static LinodeScope Everything { get; } = new(LinodeScopes.All, LinodeScopes.All, LinodeScopeLevel.All, LinodeScopes.EverythingIndex);

    /// <summary>The scope exactly as Linode spells it (for example <c>linodes:read_only</c>).</summary>
    public string Value { get; }

    /// <summary>The family (<c>linodes</c>), or <c>*</c> for <see cref="Everything"/>. Empty for a scope with no family.</summary>
    public string Family { get; }

    /// <summary>The access level, or <see cref="LinodeScopeLevel.Unknown"/> when the level is not one Linode documents.</summary>
    public LinodeScopeLevel Level { get; }

    /// <summary>The index of a documented scope (0-50: family × level; 51: <c>*</c>), or -1.</summary>
    internal int KnownIndex => _knownSlot - 1;

    /// <summary>Whether this is the global scope <c>*</c>.</summary>
    public bool IsEverything => string.Equals(Value, LinodeScopes.All, StringComparison.Ordinal);

    /// <summary>Creates the scope <c>family:level</c>.</summary>
    /// <param name="family">A family such as <c>linodes</c>; unknown families are allowed.</param>
    /// <param name="level">The level; <see cref="LinodeScopeLevel.Unknown"/> is not allowed here.</param>
    /// <returns>The scope.</returns>
    public static LinodeScope Create(string family, LinodeScopeLevel level)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(family);
        var levelText = level switch
        {
            LinodeScopeLevel.ReadOnly => ReadOnlyText,
            LinodeScopeLevel.ReadWrite => ReadWriteText,
            LinodeScopeLevel.All => "*",
            _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Use ReadOnly, ReadWrite or All."),
        };
        return new LinodeScope(string.Concat(family, ":", levelText), family, level);
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
        if (string.IsNullOrEmpty(value) || value.AsSpan().IndexOfAny(" ,\t\r\n") >= 0)
        {
            return false;
        }

        scope = LinodeScopes.FromToken(value, value);
        return true;
    }

    /// <summary>Whether holding this scope grants what <paramref name="required"/> asks for:
    /// <c>*</c> covers everything, <c>family:*</c> covers the whole family, <c>read_write</c> covers
    /// <c>read_only</c>, and any scope covers itself.</summary>
    /// <param name="required">The scope an operation needs.</param>
    /// <returns><see langword="true"/> when this scope is enough.</returns>
    public bool Covers(LinodeScope required)
    {
        if (Value is null || required.Value is null)
        {
            return false;
        }

        if (IsEverything || string.Equals(Value, required.Value, StringComparison.Ordinal))
        {
            return true;
        }

        if (Level == LinodeScopeLevel.Unknown || required.Level == LinodeScopeLevel.Unknown
            || !string.Equals(Family, required.Family, StringComparison.Ordinal))
        {
            return false;
        }

        return Level switch
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

    /// <summary>Builds a documented scope with its index, for the lookup table.</summary>
    internal static LinodeScope CreateKnown(string family, LinodeScopeLevel level, int index)
    {
        var scope = Create(family, level);
        return new LinodeScope(scope.Value, family, level, index);
    }

    /// <summary>Builds a scope that is not one of the documented ones from a token known to hold no separator.</summary>
    internal static LinodeScope FromUnknownToken(string token)
    {
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return new LinodeScope(token, colon == 0 ? string.Empty : token, LinodeScopeLevel.Unknown);
        }

        var family = LinodeScopes.InternFamily(token.AsSpan(0, colon)) ?? token[..colon];
        return new LinodeScope(token, family, ParseLevel(token.AsSpan(colon + 1)));
    }

    private static LinodeScopeLevel ParseLevel(ReadOnlySpan<char> level) => level switch
    {
        ReadOnlyText or "view" => LinodeScopeLevel.ReadOnly,
        ReadWriteText or "create" or "modify" or "delete" => LinodeScopeLevel.ReadWrite,
        "*" => LinodeScopeLevel.All,
        _ => LinodeScopeLevel.Unknown,
    };
}
