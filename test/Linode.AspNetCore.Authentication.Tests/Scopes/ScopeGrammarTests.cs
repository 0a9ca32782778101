namespace Linode.AspNetCore.Authentication.Tests.Scopes;

/// <summary>The edges of one scope's grammar and of the value type: what is refused, with which message, and the shared
/// string of a documented family (how unusual tokens are read is in <see cref="LinodeScopesTests"/>).</summary>
public sealed class ScopeGrammarTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void Create_refuses_a_missing_family_naming_the_parameter(string? family)
    {
        var exception = Assert.ThrowsAny<ArgumentException>(() => LinodeScope.Create(family!, LinodeScopeLevel.ReadOnly));

        Assert.Equal("family", exception.ParamName);
    }

    [Fact]
    public void Create_refuses_the_unknown_level_and_says_which_levels_it_takes()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => LinodeScope.Create("linodes", LinodeScopeLevel.Unknown));

        Assert.Equal("level", exception.ParamName);
        Assert.StartsWith("Use ReadOnly, ReadWrite or All.", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("linodes", LinodeScopeLevel.ReadOnly, "linodes:read_only")]
    [InlineData("linodes", LinodeScopeLevel.ReadWrite, "linodes:read_write")]
    [InlineData("future_family", LinodeScopeLevel.All, "future_family:*")]
    public void Create_spells_the_scope_as_Linode_does(string family, LinodeScopeLevel level, string expected)
    {
        var scope = LinodeScope.Create(family, level);

        Assert.Equal(expected, scope.Value);
        Assert.Equal(family, scope.Family);
        Assert.Equal(level, scope.Level);
    }

    [Fact]
    public void Parse_refuses_null_and_a_token_with_a_separator_with_a_message_that_shows_the_shape()
    {
        Assert.Throws<ArgumentNullException>(() => LinodeScope.Parse(null!));
        var exception = Assert.Throws<FormatException>(() => LinodeScope.Parse("linodes:read_only domains:*"));

        Assert.Equal("A Linode scope is a single non-empty token such as 'linodes:read_only' (no spaces or commas).", exception.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a b")]
    [InlineData("a,b")]
    [InlineData("a\tb")]
    [InlineData("a\nb")]
    public void TryParse_refuses_empty_text_and_more_than_one_token(string? value)
    {
        Assert.False(LinodeScope.TryParse(value, out var scope));
        Assert.Equal(default, scope);
    }

    [Fact]
    public void A_documented_family_parsed_from_any_token_is_the_one_shared_string()
    {
        var first = LinodeScope.Parse("linodes:custom_level");
        var second = LinodeScope.Parse(new string("linodes:other_level".AsSpan()));

        Assert.Same(first.Family, second.Family);
        Assert.Same(LinodeScope.Parse("linodes:read_only").Family, first.Family);
    }

    [Fact]
    public void Equality_and_hashing_follow_the_text_and_the_default_value_is_empty()
    {
        var parsed = LinodeScope.Parse("future:read_only");
        var again = LinodeScope.Parse(new string("future:read_only".AsSpan()));
        LinodeScope none = default;

        Assert.True(parsed == again);
        Assert.False(parsed != again);
        Assert.True(parsed != LinodeScope.Parse("future:read_write"));
        Assert.Equal(parsed.GetHashCode(), again.GetHashCode());
        Assert.Equal(0, none.GetHashCode());
        Assert.Equal(string.Empty, none.ToString());
        Assert.True(parsed.Equals((object)again));
        Assert.False(parsed.Equals("future:read_only"));
    }

    [Fact]
    public void Parsing_a_list_of_values_refuses_null_and_unites_the_lists()
    {
        Assert.Throws<ArgumentNullException>(() => LinodeScopes.Parse((IEnumerable<string?>)null!));

        var set = LinodeScopes.Parse(["linodes:read_only volumes:read_only", null, "linodes:read_only,domains:*", string.Empty]);

        Assert.Equal(["linodes:read_only", "volumes:read_only", "domains:*"], set.Select(scope => scope.Value));
    }

    [Theory]
    [InlineData(" linodes:read_only")]
    [InlineData(",linodes:read_only")]
    [InlineData("linodes:read_only\t")]
    public void A_scope_with_a_separator_anywhere_including_first_is_not_one_scope(string text)
    {
        Assert.False(LinodeScope.TryParse(text, out var scope));
        Assert.Equal(default, scope);
        Assert.Throws<FormatException>(() => LinodeScope.Parse(text));
    }

    [Fact]
    public void No_granted_scope_covers_an_empty_requirement()
    {
        Assert.False(LinodeScope.Parse("*").Covers(default));
        Assert.False(LinodeScope.Parse("linodes:*").Covers(default));
        Assert.False(LinodeScopes.Parse("*").Covers(default(LinodeScope)));
    }

    [Theory]
    [InlineData("linodes", "linodes:read_only", false)]
    [InlineData("linodes", "linodes", true)]
    [InlineData("account", "account:read_write", false)]
    [InlineData(":read_write", "linodes:read_only", false)]
    public void A_granted_scope_without_a_family_and_level_covers_only_itself(string granted, string required, bool covers)
    {
        Assert.Equal(covers, LinodeScope.Parse(granted).Covers(LinodeScope.Parse(required)));
    }

    [Fact]
    public void A_long_list_with_repeats_keeps_each_scope_once_in_first_order()
    {
        var distinct = Enumerable.Range(0, 40).Select(index => $"family{index}:read_only").ToList();
        var text = string.Join(' ', distinct.Concat(distinct).Concat(["family3:read_only", "family39:read_only"]));

        var set = LinodeScopes.Parse(text);

        Assert.Equal(distinct, set.Select(scope => scope.Value));
    }

    [Fact]
    public void Set_operations_name_the_argument_they_were_given_null()
    {
        var set = LinodeScopes.Parse("linodes:read_only");

        Assert.Equal("required", Assert.Throws<ArgumentNullException>(() => set.Missing(null!)).ParamName);
        Assert.Equal("required", Assert.Throws<ArgumentNullException>(() => set.CoversAll(null!)).ParamName);
        Assert.Equal("other", Assert.Throws<ArgumentNullException>(() => set.Union(null!)).ParamName);
    }
}
