namespace Aspire.Hosting;

/// <summary>How the emulator answers a sign-in (the tool's <c>ConsentMode</c>).</summary>
public enum LinodeEmulatorConsent
{
    /// <summary>A consent page: pick a user, tick scopes, approve or deny (the default).</summary>
    Interactive,

    /// <summary>Approves at once as the first user, granting what was asked.</summary>
    AutoApprove,

    /// <summary>Denies at once, as a user who pressed "Cancel".</summary>
    AutoDeny,
}
