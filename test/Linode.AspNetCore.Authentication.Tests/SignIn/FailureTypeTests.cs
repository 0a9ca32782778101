using Microsoft.AspNetCore.Authentication;

namespace Linode.AspNetCore.Authentication.Tests.SignIn;

/// <summary>The public failure type: typed properties and the <c>Data</c> keys the platform's handlers use are one and the
/// same storage, and only a code-shaped error is offered as safe.</summary>
public sealed class FailureTypeTests
{
    [Fact]
    public void Typed_properties_fill_the_Data_keys_code_written_for_the_platform_reads()
    {
        var failure = new LinodeAuthenticationFailureException("Linode's token endpoint answered 429.")
        {
            StatusCode = 429,
            Error = "rate_limited",
            ErrorDescription = "Slow down",
            RetryAfter = TimeSpan.FromSeconds(30),
            MissingScopes = LinodeScopes.Parse("linodes:read_write,volumes:read_only"),
        };

        Assert.IsAssignableFrom<AuthenticationFailureException>(failure);
        Assert.Equal(429, failure.Data["status"]);
        Assert.Equal("rate_limited", failure.Data["error"]);
        Assert.Equal("Slow down", failure.Data["error_description"]);
        Assert.Equal(30, failure.Data["retry_after"]);
        Assert.Equal("linodes:read_write,volumes:read_only", failure.Data["missing_scopes"]);
        Assert.Equal(TimeSpan.FromSeconds(30), failure.RetryAfter);
        Assert.Equal(2, failure.MissingScopes.Count);
    }

    [Fact]
    public void A_new_failure_has_no_status_no_wait_and_no_missing_scopes()
    {
        var failure = new LinodeAuthenticationFailureException("Linode's profile endpoint could not be reached: the connection failed.");

        Assert.Null(failure.StatusCode);
        Assert.Null(failure.Error);
        Assert.Null(failure.RetryAfter);
        Assert.Empty(failure.MissingScopes);
        Assert.Null(failure.SafeErrorCode);
        Assert.True(failure.Data.Contains("error"));
    }

    [Theory]
    [InlineData("invalid_grant", "invalid_grant")]
    [InlineData("server.error-1", "server.error-1")]
    [InlineData("<script>alert(1)</script>", null)]
    [InlineData("a code with spaces", null)]
    [InlineData("", null)]
    public void Only_a_code_shaped_error_is_safe_whoever_made_the_failure(string error, string? safe)
    {
        var ours = new LinodeAuthenticationFailureException("failed") { Error = error };
        var platforms = new AuthenticationFailureException("failed");
        platforms.Data["error"] = error;

        Assert.Equal(safe, ours.SafeErrorCode);
        Assert.Equal(safe, LinodeAuthenticationFailureException.SafeErrorCodeOf(platforms));
    }

    [Fact]
    public void A_failure_with_no_error_or_none_at_all_has_no_safe_code()
    {
        Assert.Null(LinodeAuthenticationFailureException.SafeErrorCodeOf(null));
        Assert.Null(LinodeAuthenticationFailureException.SafeErrorCodeOf(new InvalidOperationException("bug")));
        Assert.Null(LinodeAuthenticationFailureException.SafeErrorCodeOf(new AuthenticationFailureException("x") { Data = { ["error"] = new string('a', 65) } }));
    }
}
