using System.Buffers;
using System.Collections.Frozen;

namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>
/// The scope tables built once per process: what separates scopes in a list, the global scope <c>*</c>, and the 52
/// documented scopes (17 families × 3 levels, and <c>*</c>) so a documented scope is parsed to one shared instance. Static
/// initializers only, so mutation testing leaves this file out (<c>test/Mutation/stryker-handler.json</c>: a shared test
/// process evaluates them once, before any mutant is switched on); the scope tests check every entry.
/// </summary>
internal static class LinodeScopeTables
{
    /// <summary>What separates scopes in a list: Linode documents commas, sends spaces, and older answers mixed both.</summary>
    public static readonly SearchValues<char> Separators = SearchValues.Create(" ,\t\r\n");

    /// <summary>The global scope <c>*</c>: read/write access to every family.</summary>
    public static readonly LinodeScope Everything = LinodeScope.CreateDocumented(LinodeScopes.All, LinodeScopes.All, LinodeScopeLevel.All);

    /// <summary>The documented scopes by their text.</summary>
    public static readonly FrozenDictionary<string, LinodeScope>.AlternateLookup<ReadOnlySpan<char>> ByText = LinodeScopes.Families
        .SelectMany(family => new[]
        {
            LinodeScope.CreateDocumented(family + ":read_only", family, LinodeScopeLevel.ReadOnly),
            LinodeScope.CreateDocumented(family + ":read_write", family, LinodeScopeLevel.ReadWrite),
            LinodeScope.CreateDocumented(family + ":*", family, LinodeScopeLevel.All),
        })
        .Append(Everything)
        .ToFrozenDictionary(scope => scope.Value, StringComparer.Ordinal)
        .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The documented families, each one shared string.</summary>
    public static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> FamilyNames = LinodeScopes.Families
        .ToFrozenDictionary(family => family, StringComparer.Ordinal)
        .GetAlternateLookup<ReadOnlySpan<char>>();
}
