namespace Linode.AspNetCore.Authentication.Tests.Scopes;

public sealed class LinodeScopesTests
{
    [Theory]
    [InlineData("linodes:read_only", new[] { "linodes:read_only" })]
    [InlineData("linodes:read_only domains:read_write", new[] { "linodes:read_only", "domains:read_write" })]
    [InlineData("linodes:read_only,domains:read_write", new[] { "linodes:read_only", "domains:read_write" })]
    [InlineData("linodes:read_only, domains:read_write", new[] { "linodes:read_only", "domains:read_write" })]
    [InlineData("  linodes:read_only,,  domains:read_write ,", new[] { "linodes:read_only", "domains:read_write" })]
    [InlineData("linodes:read_only linodes:read_only", new[] { "linodes:read_only" })]
    [InlineData("*", new[] { "*" })]
    [InlineData("account:read_write linodes:read_write linodes:read_only domains:read_only", new[] { "account:read_write", "linodes:read_write", "linodes:read_only", "domains:read_only" })]
    [InlineData("placement:read_only future_family:admin", new[] { "placement:read_only", "future_family:admin" })]
    [InlineData("linodes:view tokens:delete", new[] { "linodes:view", "tokens:delete" })]
    [InlineData("linodes:read_onlyx linodes:read_only", new[] { "linodes:read_onlyx", "linodes:read_only" })]
    [InlineData("linodes:read_ linodes: linodes", new[] { "linodes:read_", "linodes:", "linodes" })]
    [InlineData("linodesx:read_only,lke:*", new[] { "linodesx:read_only", "lke:*" })]
    [InlineData("Linodes:read_only", new[] { "Linodes:read_only" })]
    [InlineData("*x *", new[] { "*x", "*" })]
    [InlineData("vpc:*x,vpc:*", new[] { "vpc:*x", "vpc:*" })]
    [InlineData("\tlinodes:read_only\r\ndomains:read_write\n", new[] { "linodes:read_only", "domains:read_write" })]
    [InlineData("future:x future:x linodes:read_only", new[] { "future:x", "linodes:read_only" })]
    [InlineData("", new string[0])]
    [InlineData(" , ", new string[0])]
    [InlineData(null, new string[0])]
    public void Parse_splits_on_spaces_and_commas_and_keeps_every_scope(string? value, string[] expected)
    {
        Assert.Equal(expected, LinodeScopes.Parse(value?.Replace("\\t", "\t", StringComparison.Ordinal).Replace("\\r", "\r", StringComparison.Ordinal).Replace("\\n", "\n", StringComparison.Ordinal)).Select(scope => scope.Value));
    }

    [Fact]
    public void A_long_list_of_unknown_scopes_is_kept_whole()
    {
        var value = string.Join(' ', Enumerable.Range(0, 500).Select(i => $"future{i}:read_only"));

        var parsed = LinodeScopes.Parse(value);

        Assert.Equal(500, parsed.Count);
        Assert.Equal(value, parsed.ToString());
        Assert.True(parsed.Covers("future499:read_only"));
    }

    [Theory]
    [InlineData("linodes:read_only", "linodes", LinodeScopeLevel.ReadOnly)]
    [InlineData("linodes:read_write", "linodes", LinodeScopeLevel.ReadWrite)]
    [InlineData("linodes:*", "linodes", LinodeScopeLevel.All)]
    [InlineData("object_storage:read_write", "object_storage", LinodeScopeLevel.ReadWrite)]
    [InlineData("linodes:view", "linodes", LinodeScopeLevel.ReadOnly)]
    [InlineData("linodes:create", "linodes", LinodeScopeLevel.ReadWrite)]
    [InlineData("linodes:modify", "linodes", LinodeScopeLevel.ReadWrite)]
    [InlineData("linodes:delete", "linodes", LinodeScopeLevel.ReadWrite)]
    [InlineData("future:admin", "future", LinodeScopeLevel.Unknown)]
    [InlineData("linodes", "linodes", LinodeScopeLevel.Unknown)]
    [InlineData("*", "*", LinodeScopeLevel.All)]
    [InlineData(":read_only", "", LinodeScopeLevel.Unknown)]
    [InlineData("nocolon", "nocolon", LinodeScopeLevel.Unknown)]
    [InlineData("linodes:", "linodes", LinodeScopeLevel.Unknown)]
    [InlineData("future:read_write", "future", LinodeScopeLevel.ReadWrite)]
    public void A_scope_has_a_family_and_a_level(string value, string family, LinodeScopeLevel level)
    {
        var scope = LinodeScope.Parse(value);

        Assert.Equal(value, scope.Value);
        Assert.Equal(family, scope.Family);
        Assert.Equal(level, scope.Level);
        Assert.Equal(value, scope.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("a b")]
    [InlineData("a,b")]
    public void A_single_scope_is_one_token(string value)
    {
        Assert.False(LinodeScope.TryParse(value, out _));
        Assert.Throws<FormatException>(() => LinodeScope.Parse(value));
    }

    [Theory]
    [InlineData("linodes:read_only", "linodes:read_only", true)]
    [InlineData("linodes:read_write", "linodes:read_only", true)]
    [InlineData("linodes:read_write", "linodes:read_write", true)]
    [InlineData("linodes:read_only", "linodes:read_write", false)]
    [InlineData("linodes:*", "linodes:read_only", true)]
    [InlineData("linodes:*", "linodes:read_write", true)]
    [InlineData("linodes:*", "linodes:*", true)]
    [InlineData("linodes:read_write", "linodes:*", false)]
    [InlineData("*", "linodes:read_write", true)]
    [InlineData("*", "vpc:*", true)]
    [InlineData("*", "future:admin", true)]
    [InlineData("*", "*", true)]
    [InlineData("linodes:*", "*", false)]
    [InlineData("linodes:read_write", "domains:read_only", false)]
    [InlineData("linodes:*", "domains:read_only", false)]
    [InlineData("linodes:view", "linodes:read_only", true)]
    [InlineData("linodes:delete", "linodes:read_only", true)]
    [InlineData("linodes:read_only", "linodes:view", true)]
    [InlineData("future:admin", "future:admin", true)]
    [InlineData("future:admin", "future:read_only", false)]
    [InlineData("linodes:read_only domains:read_write", "domains:read_only", true)]
    [InlineData("linodes:read_only,domains:read_write", "linodes:read_write", false)]
    [InlineData("", "linodes:read_only", false)]
    public void Coverage_follows_Linodes_rules(string granted, string required, bool covered)
    {
        Assert.Equal(covered, LinodeScopes.Covers(granted, required));
        Assert.Equal(covered, LinodeScopes.Parse(granted).Covers(required));
    }

    [Fact]
    public void Missing_lists_what_is_not_covered_in_order()
    {
        var granted = LinodeScopes.Parse("linodes:read_only domains:*");

        var missing = granted.Missing(["linodes:read_write", "domains:read_write", "volumes:read_only linodes:read_only"]);

        Assert.Equal(["linodes:read_write", "volumes:read_only"], missing.Select(scope => scope.Value));
        Assert.False(granted.CoversAll(["linodes:read_write"]));
        Assert.True(granted.CoversAll(["linodes:read_only", "domains:read_write"]));
    }

    [Fact]
    public void Format_joins_with_commas_by_default_as_Linode_documents()
    {
        Assert.Equal("linodes:read_only,domains:read_write", LinodeScopes.Format([LinodeScopes.Linodes.ReadOnly, LinodeScopes.Domains.ReadWrite]));
        Assert.Equal("linodes:read_only domains:read_write", LinodeScopes.Format([LinodeScopes.Linodes.ReadOnly, LinodeScopes.Domains.ReadWrite], " "));
        Assert.Equal("linodes:read_only domains:*", LinodeScopes.Parse("linodes:read_only,domains:*").ToString());
        Assert.Equal("linodes:read_only,domains:*", LinodeScopes.Parse("linodes:read_only domains:*").ToString(","));
    }

    [Fact]
    public void Union_keeps_both_sets_without_duplicates()
    {
        var union = LinodeScopes.Parse("linodes:read_only").Union(LinodeScopes.Parse("linodes:read_only volumes:read_write"));

        Assert.Equal("linodes:read_only volumes:read_write", union.ToString());
    }

    [Fact]
    public void Every_documented_family_has_its_three_constants()
    {
        string[] expected =
        [
            "account", "child_account", "databases", "domains", "events", "firewall", "images", "ips", "linodes", "lke",
            "longview", "monitor", "nodebalancers", "object_storage", "stackscripts", "volumes", "vpc",
        ];
        Assert.Equal(expected, LinodeScopes.Families);
        foreach (var family in LinodeScopes.Families)
        {
            foreach (var (text, level) in new[] { (":read_only", LinodeScopeLevel.ReadOnly), (":read_write", LinodeScopeLevel.ReadWrite), (":*", LinodeScopeLevel.All) })
            {
                var scope = LinodeScope.Parse(family + text);
                Assert.Equal(family, scope.Family);
                Assert.Equal(level, scope.Level);
                Assert.Equal(scope, LinodeScope.Create(family, level));
                Assert.True(scope.IsDocumented, family + text + " is in the documented table");
            }
        }

        Assert.Equal("vpc:read_write", LinodeScopes.Vpc.ReadWrite);
        Assert.Equal("child_account:*", LinodeScopes.ChildAccount.All);
        Assert.Equal("object_storage:read_only", LinodeScopes.ObjectStorage.ReadOnly);
    }

    [Fact]
    public void Create_refuses_an_unknown_level()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LinodeScope.Create("linodes", LinodeScopeLevel.Unknown));
    }

    [Fact]
    public void Parsing_a_known_scope_reuses_the_interned_string()
    {
        var first = LinodeScopes.Parse("linodes:read_only domains:read_write").First();
        var second = LinodeScopes.Parse("volumes:*,linodes:read_only").Last();

        Assert.Same(first.Value, second.Value);
    }

    [Fact]
    public void The_documented_table_agrees_with_the_general_rules_for_every_pair()
    {
        var all = LinodeScopes.Families.SelectMany(family => new[] { family + ":read_only", family + ":read_write", family + ":*" }).Append("*").ToArray();
        foreach (var granted in all)
        {
            var set = LinodeScopes.Parse(granted);
            foreach (var required in all)
            {
                Assert.Equal(GeneralRule(granted, required), set.Covers(required));
                Assert.Equal(GeneralRule(granted, required), LinodeScope.Parse(granted).Covers(LinodeScope.Parse(required)));
            }
        }
    }

    private static bool GeneralRule(string granted, string required)
    {
        if (granted == "*" || granted == required)
        {
            return true;
        }

        var (grantedFamily, grantedLevel) = (granted.Split(':')[0], granted.Split(':').ElementAtOrDefault(1));
        var (requiredFamily, requiredLevel) = (required.Split(':')[0], required.Split(':').ElementAtOrDefault(1));
        return required != "*" && grantedFamily == requiredFamily && (grantedLevel, requiredLevel) switch
        {
            ("*", _) => true,
            ("read_write", "read_only") => true,
            _ => false,
        };
    }
}
