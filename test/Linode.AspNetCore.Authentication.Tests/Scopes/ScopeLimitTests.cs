using System.Security.Claims;

namespace Linode.AspNetCore.Authentication.Tests.Scopes;

/// <summary>No hidden limits: any number of distinct unknown scopes and families, read back exactly as given, and the
/// per-request claim check agrees with the set's rule.</summary>
public sealed class ScopeLimitTests
{
    [Fact]
    public void Seventy_thousand_distinct_unknown_scopes_read_back_as_written()
    {
        var scopes = Enumerable.Range(0, 70_000).Select(i => $"future{i}:read_only").ToArray();

        var set = LinodeScopes.Parse(string.Join(' ', scopes));

        Assert.Equal(scopes, set.Select(scope => scope.Value));
        Assert.False(set.IsEverything);
        Assert.DoesNotContain(set, scope => scope.IsDocumented);
        Assert.True(set.Covers("future69999:read_only"));
        Assert.False(set.Covers("linodes:read_only"));
    }

    [Fact]
    public void Families_Linode_adds_later_follow_the_general_rule_however_many()
    {
        var set = LinodeScopes.Parse(string.Join(',', Enumerable.Range(0, 40).Select(i => $"family{i}:read_write")));

        Assert.All(Enumerable.Range(0, 40), i =>
        {
            Assert.True(set.Covers($"family{i}:read_only"));
            Assert.True(set.Covers($"family{i}:read_write"));
            Assert.False(set.Covers($"family{i}:*"));
        });
        Assert.Equal(LinodeScopeLevel.ReadWrite, set.Last().Level);
        Assert.Equal("family39", set.Last().Family);
    }

    [Theory]
    [InlineData(new[] { "linodes:read_write" }, "linodes:read_only", true)]
    [InlineData(new[] { "linodes:read_only" }, "linodes:read_write", false)]
    [InlineData(new[] { "domains:*", "linodes:view" }, "linodes:read_only", true)]
    [InlineData(new[] { "*" }, "vpc:read_write", true)]
    [InlineData(new[] { "linodes:read_only domains:read_write" }, "domains:read_only", true)]
    [InlineData(new[] { "linodes:read_only,volumes:*" }, "volumes:read_write", true)]
    [InlineData(new string[0], "linodes:read_only", false)]
    public void The_per_request_claim_check_agrees_with_the_set(string[] claims, string required, bool covered)
    {
        var first = new ClaimsIdentity(claims.Take(1).Select(value => new Claim(LinodeClaimTypes.Scope, value)), "cookie");
        var second = new ClaimsIdentity(claims.Skip(1).Select(value => new Claim(LinodeClaimTypes.Scope, value)).Append(new Claim("other", required)), "other");
        var user = new ClaimsPrincipal([first, second]);

        Assert.Equal(covered, LinodeScopeClaims.Cover(user, LinodeScope.Parse(required)));
        Assert.Equal(covered, LinodeScopes.Parse(claims).Covers(required));
    }
}
