namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>A Linode user the emulator can sign in, with the fields <c>GET /v4/profile</c> returns.</summary>
public sealed class LinodeEmulatorUser
{
    /// <summary>Initializes a user.</summary>
    /// <param name="uid">The numeric user id (<c>uid</c>).</param>
    /// <param name="username">The login name.</param>
    /// <param name="email">The email address.</param>
    public LinodeEmulatorUser(long uid, string username, string email)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        Uid = uid;
        Username = username;
        Email = email;
    }

    /// <summary>The numeric user id, Linode's stable identifier.</summary>
    public long Uid { get; }

    /// <summary>The login name.</summary>
    public string Username { get; }

    /// <summary>The email address.</summary>
    public string Email { get; internal set; }

    /// <summary>The profile time zone. Defaults to <c>US/Eastern</c>.</summary>
    public string Timezone { get; internal set; } = "US/Eastern";

    /// <summary>Whether the user is restricted by grants.</summary>
    public bool Restricted { get; internal set; }

    /// <summary>Whether two-factor authentication is on.</summary>
    public bool TwoFactorAuth { get; internal set; } = true;

    /// <summary>The <c>user_type</c>: <c>default</c>, <c>parent</c>, <c>child</c>, <c>proxy</c> or <c>delegate</c>.</summary>
    public string UserType { get; internal set; } = "default";

    /// <summary>The <c>authentication_type</c>: <c>password</c>, <c>github</c> or <c>google</c>.</summary>
    public string AuthenticationType { get; internal set; } = "password";

    /// <summary>The Linode instances in the user's account.</summary>
    public IList<LinodeEmulatorInstance> Instances { get; } = [];

    /// <summary>The user the emulator seeds first: uid 1234, <c>exampleUser</c>, as in Linode's API documentation, with two instances.</summary>
    /// <returns>A new instance.</returns>
    internal static LinodeEmulatorUser CreateExampleUser()
    {
        var user = new LinodeEmulatorUser(1234, "exampleUser", "example-user@gmail.com");
        user.Instances.Add(new LinodeEmulatorInstance(123, "web-1", "us-east", "g6-standard-2", "running"));
        user.Instances.Add(new LinodeEmulatorInstance(456, "db-1", "eu-central", "g6-dedicated-4", "offline"));
        return user;
    }

    /// <summary>A second seeded user: uid 5678, <c>restrictedUser</c>, restricted and without two-factor authentication, with one instance.</summary>
    /// <returns>A new instance.</returns>
    internal static LinodeEmulatorUser CreateRestrictedUser()
    {
        var user = new LinodeEmulatorUser(5678, "restrictedUser", "restricted@example.com") { Restricted = true, TwoFactorAuth = false, Timezone = "Europe/Berlin", AuthenticationType = "github" };
        user.Instances.Add(new LinodeEmulatorInstance(789, "lab-box", "ap-south", "g6-nanode-1", "running"));
        return user;
    }
}
