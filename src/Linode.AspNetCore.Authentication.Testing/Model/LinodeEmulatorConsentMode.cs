namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>How the emulator's authorize endpoint answers a valid request.</summary>
public enum LinodeEmulatorConsentMode
{
    /// <summary>Approve at once as <see cref="LinodeEmulatorOptions.ApprovingUser"/> (the default: tests need no page).</summary>
    AutoApprove = 0,

    /// <summary>Deny at once: redirect back with <c>error=access_denied</c>.</summary>
    AutoDeny = 1,

    /// <summary>Show a consent page (app label, requested scopes in plain words, a choice of seeded users, Approve and Deny).</summary>
    Interactive = 2,
}
