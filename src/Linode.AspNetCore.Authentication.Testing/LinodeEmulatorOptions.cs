namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>Settings of a <see cref="LinodeEmulator"/>. They may be changed while it runs (between requests).</summary>
public sealed class LinodeEmulatorOptions
{
    /// <summary>The registered OAuth clients. Defaults to <see cref="LinodeEmulatorClient.CreateDefault(string)"/>.</summary>
    public IList<LinodeEmulatorClient> Clients { get; } = [LinodeEmulatorClient.CreateDefault()];

    /// <summary>The seeded users. Defaults to <c>exampleUser</c> (uid 1234) and <c>restrictedUser</c> (uid 5678).</summary>
    public IList<LinodeEmulatorUser> Users { get; } = [LinodeEmulatorUser.CreateExampleUser(), LinodeEmulatorUser.CreateRestrictedUser()];

    /// <summary>How authorize requests are answered. Defaults to <see cref="LinodeEmulatorConsentMode.AutoApprove"/>.</summary>
    public LinodeEmulatorConsentMode ConsentMode { get; set; } = LinodeEmulatorConsentMode.AutoApprove;

    /// <summary>The username that approves in <see cref="LinodeEmulatorConsentMode.AutoApprove"/>; null for the first user.</summary>
    public string? ApprovingUser { get; set; }

    /// <summary>What an automatic approval grants: null grants what was requested; a list grants exactly that
    /// (to emulate a user who unticked scopes).</summary>
    public IReadOnlyList<string>? GrantedScopes { get; set; }

    /// <summary>Whether a new consent adds to what the user granted the client before: tokens then carry the earlier
    /// grants too (as an incremental-consent server does). On by default.</summary>
    public bool AccumulateConsent { get; set; } = true;

    /// <summary>Access-token lifetime (<c>expires_in</c>). Linode: 7200 seconds.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Authorization-code lifetime. Not documented by Linode; 10 minutes here.</summary>
    public TimeSpan AuthorizationCodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Which scope fields token responses carry. Linode sends both.</summary>
    public LinodeEmulatorScopeFields ScopeFields { get; set; } = LinodeEmulatorScopeFields.Both;

    /// <summary>The separator of granted scopes in token responses. Linode uses a space; older answers used commas.</summary>
    public string ResponseScopeSeparator { get; set; } = " ";

    /// <summary>Whether requests are recorded in full (<see cref="LinodeEmulator.Requests"/>), in a ring of the last
    /// <see cref="RecordedRequestLimit"/>. On by default, for tests; the sample and load tests turn it off, and
    /// <see cref="LinodeEmulator.RequestCount(LinodeEmulatorEndpoint)"/> counts either way.</summary>
    public bool RecordRequests { get; set; } = true;

    /// <summary>How many recorded requests are kept; older ones are dropped. Defaults to 1,000.</summary>
    public int RecordedRequestLimit { get; set; } = 1000;

    /// <summary>Whether <c>/oauth/revoke</c> demands the client secret of a confidential client. Not confirmed for Linode; on by default.</summary>
    public bool RevocationRequiresClientSecret { get; set; } = true;
}
