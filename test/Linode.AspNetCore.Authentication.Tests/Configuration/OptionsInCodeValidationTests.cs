using Linode.AspNetCore.Authentication.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Linode.AspNetCore.Authentication.Tests.Configuration;

/// <summary>Values set in code (not through configuration binding, which has its own messages) are checked at start-up
/// too, each with a message that names the key to fix and the value found.</summary>
public sealed class OptionsInCodeValidationTests
{
    public static TheoryData<string, string> InvalidSettings => new()
    {
        { "BackchannelTimeout", "'Authentication:Schemes:Linode:BackchannelTimeout' must be positive; it is 00:00:00." },
        { "BackchannelTimeoutNegative", "'Authentication:Schemes:Linode:BackchannelTimeout' must be positive; it is -00:00:01." },
        { "RevocationTimeout", "'Authentication:Schemes:Linode:RevocationTimeout' must be positive; it is -00:00:01." },
        { "TokenRefreshWindow", "'Authentication:Schemes:Linode:TokenRefreshWindow' must be positive; it is 00:00:00." },
        { "TokenRefreshTimeout", "'Authentication:Schemes:Linode:TokenRefreshTimeout' must be positive; it is 00:00:00." },
        { "CallbackPath", "The Linode scheme 'Linode' has no CallbackPath. Set 'Authentication:Schemes:Linode:CallbackPath' (default '/signin-linode')." },
        { "TokenEndpoint", "The Linode option TokenEndpoint is empty. Set 'Authentication:Schemes:Linode:TokenEndpoint' or leave it unset for Linode's default." },
        { "UserInformationEndpoint", "The Linode option UserInformationEndpoint is empty. Set 'Authentication:Schemes:Linode:UserInformationEndpoint' or leave it unset for Linode's default." },
        { "RevocationEndpoint", "The Linode option RevocationEndpoint is empty. Set 'Authentication:Schemes:Linode:RevocationEndpoint' or leave it unset for Linode's default." },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public async Task An_invalid_value_set_in_code_stops_the_app_naming_the_key(string setting, string expected)
    {
        var exception = await Assert.ThrowsAnyAsync<Exception>(() => LinodeTestHost.StartAsync(options =>
        {
            switch (setting)
            {
                case "BackchannelTimeout":
                    options.BackchannelTimeout = TimeSpan.Zero;
                    break;
                case "BackchannelTimeoutNegative":
                    options.BackchannelTimeout = TimeSpan.FromSeconds(-1);
                    break;
                case "RevocationTimeout":
                    options.RevocationTimeout = TimeSpan.FromSeconds(-1);
                    break;
                case "TokenRefreshWindow":
                    options.TokenRefreshWindow = TimeSpan.Zero;
                    break;
                case "TokenRefreshTimeout":
                    options.TokenRefreshTimeout = TimeSpan.Zero;
                    break;
                case "CallbackPath":
                    options.CallbackPath = default;
                    break;
                case "TokenEndpoint":
                    options.TokenEndpoint = " ";
                    break;
                case "UserInformationEndpoint":
                    options.UserInformationEndpoint = string.Empty;
                    break;
                default:
                    options.RevocationEndpoint = string.Empty;
                    break;
            }
        }));

        Assert.Contains(expected, Flatten(exception), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_smallest_positive_values_are_accepted()
    {
        await using var host = await LinodeTestHost.StartAsync(options =>
        {
            options.BackchannelTimeout = TimeSpan.FromTicks(1);
            options.TokenRefreshWindow = TimeSpan.FromTicks(1);
            options.TokenRefreshTimeout = TimeSpan.FromTicks(1);
            options.RevocationTimeout = TimeSpan.FromTicks(1);
        });

        Assert.NotNull(host.Services);
    }

    [Fact]
    public async Task A_named_schemes_invalid_back_channel_time_out_names_that_schemes_key()
    {
        var exception = await Assert.ThrowsAnyAsync<Exception>(() => LinodeTestHost.StartAsync(addSchemes: (authentication, test) => authentication.AddLinode("Staff", options =>
        {
            options.ClientId = "staff-client";
            options.ClientSecret = "staff-secret";
            options.BackchannelTimeout = TimeSpan.Zero;
            test.Instrument(options);
        })));

        Assert.Contains("'Authentication:Schemes:Staff:BackchannelTimeout' must be positive; it is 00:00:00.", Flatten(exception), StringComparison.Ordinal);
    }

    private static string Flatten(Exception exception) => exception.InnerException is { } inner ? exception.Message + "\n" + Flatten(inner) : exception.Message;
}
