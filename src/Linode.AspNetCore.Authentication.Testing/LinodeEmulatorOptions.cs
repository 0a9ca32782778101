namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>Settings of a <see cref="LinodeEmulator"/>. They may be changed while it runs (between requests). The public
/// catalogue (regions, plans, images) is fixed; a test that needs another maps its own with
/// <see cref="LinodeEmulator.MapPublicApi"/>.</summary>
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

    /// <summary>Whether revoking a token also withdraws what the user granted the client so far, so the next sign-in carries
    /// only what it asks for (an app that gives its access back keeps none of it). On by default. Not confirmed for Linode,
    /// whose documentation does not say whether a revocation removes the app's earlier grants: turn it off to emulate a
    /// server that keeps them.</summary>
    public bool RevocationWithdrawsConsent { get; set; } = true;

    /// <summary>Access-token lifetime (<c>expires_in</c>). Linode: 7200 seconds.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Authorization-code lifetime. Not documented by Linode; 10 minutes here.</summary>
    public TimeSpan AuthorizationCodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Which fields of a token response carry the granted scopes: Linode sends both <c>scope</c> (RFC 6749) and
    /// <c>scopes</c> (what Linode's own clients read). Set one, or none, to emulate a server that sends less.</summary>
    public IReadOnlyList<string> ScopeFields { get; set; } = ["scope", "scopes"];

    /// <summary>The separator of granted scopes in token responses. Linode uses a space; older answers used commas.</summary>
    public string ResponseScopeSeparator { get; set; } = " ";

    /// <summary>Whether requests are recorded in full (<see cref="LinodeEmulator.Requests"/>), in a ring of the last
    /// <see cref="RecordedRequestLimit"/>. On by default, for tests; the sample and load tests turn it off, and
    /// <see cref="LinodeEmulator.RequestCount"/> counts either way.</summary>
    public bool RecordRequests { get; set; } = true;

    /// <summary>How many recorded requests are kept; older ones are dropped. Defaults to 1,000.</summary>
    public int RecordedRequestLimit { get; set; } = 1000;

    /// <summary>Whether <c>/oauth/revoke</c> demands the client secret of a confidential client. Not confirmed for Linode; on by default.</summary>
    public bool RevocationRequiresClientSecret { get; set; } = true;

    /// <summary>The regions of the public <c>GET /v4/regions</c>, accepted when creating an instance.</summary>
    internal IList<LinodeEmulatorRegion> Regions { get; } =
    [
        new("us-east", "Newark, NJ", "us"), new("us-central", "Dallas, TX", "us"), new("eu-central", "Frankfurt, DE", "de"),
        new("ap-south", "Singapore, SG", "sg"),
    ];

    /// <summary>The plans of the public <c>GET /v4/linode/types</c>, accepted when creating an instance.</summary>
    internal IList<LinodeEmulatorPlan> Plans { get; } =
    [
        new("g6-nanode-1", "Nanode 1GB", "nanode", 1024, 25600, 1, 5m), new("g6-standard-1", "Linode 2GB", "standard", 2048, 51200, 1, 12m),
        new("g6-standard-2", "Linode 4GB", "standard", 4096, 81920, 2, 24m), new("g6-dedicated-4", "Dedicated 8GB", "dedicated", 8192, 163840, 4, 72m),
    ];

    /// <summary>The images an instance may be created from.</summary>
    internal IList<string> Images { get; } = ["linode/debian12", "linode/ubuntu24.04", "linode/alpine3.20"];

    /// <summary>The StackScripts; defaults to <see cref="LinodeEmulatorStackScript.CreateDefault"/> (id 1000001).</summary>
    public IList<LinodeEmulatorStackScript> StackScripts { get; } = [LinodeEmulatorStackScript.CreateDefault()];

    /// <summary>How long a created instance is <c>provisioning</c>, on the emulator's clock. Defaults to 6 seconds.</summary>
    public TimeSpan InstanceProvisioningTime { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>How long a created instance is then <c>booting</c>. Defaults to 4 seconds.</summary>
    public TimeSpan InstanceBootTime { get; set; } = TimeSpan.FromSeconds(4);
}
