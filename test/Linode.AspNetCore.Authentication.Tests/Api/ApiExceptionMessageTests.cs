using System.Net;

namespace Linode.AspNetCore.Authentication.Tests.Api;

/// <summary>The typed API exceptions say what went wrong in their message (what an app's log shows), with the status
/// code and Linode's reason kept apart.</summary>
public sealed class ApiExceptionMessageTests
{
    [Fact]
    public void A_missing_scope_names_what_the_endpoint_accepts_and_what_the_token_has()
    {
        var exception = new LinodeMissingScopeException(LinodeScopes.Parse("linodes:read_only,linodes:read_write"), LinodeScopes.Parse("domains:read_only,volumes:read_only"), "Unauthorized");

        Assert.Equal("The Linode token is not authorized for this endpoint; it needs 'linodes:read_only,linodes:read_write' and has 'domains:read_only,volumes:read_only'.", exception.Message);
        Assert.Equal(HttpStatusCode.Unauthorized, exception.StatusCode);
        Assert.Equal("Unauthorized", exception.Reason);
    }

    [Fact]
    public void A_missing_scope_Linode_did_not_name_is_said_so()
    {
        var exception = new LinodeMissingScopeException(LinodeScopeSet.Empty, LinodeScopes.Parse("domains:read_only"), reason: null);

        Assert.Equal("The Linode token is not authorized for this endpoint; it needs a scope Linode did not name and has 'domains:read_only'.", exception.Message);
        Assert.Empty(exception.RequiredScopes);
    }

    [Fact]
    public void A_missing_scope_needs_both_scope_sets()
    {
        Assert.Equal("requiredScopes", Assert.Throws<ArgumentNullException>(() => new LinodeMissingScopeException(null!, LinodeScopeSet.Empty, null)).ParamName);
        Assert.Equal("grantedScopes", Assert.Throws<ArgumentNullException>(() => new LinodeMissingScopeException(LinodeScopeSet.Empty, null!, null)).ParamName);
    }

    [Theory]
    [InlineData(30, "Linode rate-limited this token; retry after 30 s.")]
    [InlineData(null, "Linode rate-limited this token.")]
    public void Rate_limiting_says_how_long_to_wait_when_Linode_said_it(int? seconds, string expected)
    {
        var exception = new LinodeRateLimitedException(seconds is { } value ? TimeSpan.FromSeconds(value) : null, reason: null);

        Assert.Equal(expected, exception.Message);
        Assert.Equal(HttpStatusCode.TooManyRequests, exception.StatusCode);
        Assert.Null(exception.Reason);
    }
}
