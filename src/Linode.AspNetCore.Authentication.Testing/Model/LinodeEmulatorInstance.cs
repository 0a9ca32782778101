namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>A Linode instance in a user's account (<see cref="LinodeEmulatorUser.Instances"/>), listed by
/// <c>GET /v4/linode/instances</c>: seeded (<see cref="LinodeEmulatorOptions.Users"/>), or created by <c>POST /v4/linode/instances</c>.</summary>
public sealed class LinodeEmulatorInstance
{
    private readonly string _status;

    /// <summary>An instance seeded into a user's account; its <paramref name="status"/> never changes.</summary>
    /// <param name="id">The instance id.</param>
    /// <param name="label">The label, unique in the account.</param>
    /// <param name="region">The region, e.g. <c>us-east</c>.</param>
    /// <param name="type">The plan, e.g. <c>g6-nanode-1</c>.</param>
    /// <param name="status">The status, e.g. <c>running</c>.</param>
    internal LinodeEmulatorInstance(long id, string label, string region, string type, string status)
    {
        Id = id;
        Label = label;
        Region = region;
        Type = type;
        _status = status;
    }

    /// <summary>The instance id.</summary>
    public long Id { get; }

    /// <summary>The label.</summary>
    public string Label { get; }

    /// <summary>The region, e.g. <c>us-east</c>.</summary>
    public string Region { get; }

    /// <summary>The plan, e.g. <c>g6-nanode-1</c>.</summary>
    public string Type { get; }

    /// <summary>The status now: a seeded instance keeps the one it was given; one created through the API is
    /// <c>provisioning</c>, then <c>booting</c>, then <c>running</c> on the emulator's clock
    /// (<see cref="LinodeEmulatorOptions.InstanceProvisioningTime"/>, <see cref="LinodeEmulatorOptions.InstanceBootTime"/>).</summary>
    public string Status => Progress?.Invoke() ?? _status;

    /// <summary>The image deployed, e.g. <c>linode/debian12</c>, or null.</summary>
    public string? Image { get; internal init; }

    /// <summary>The public IPv4 addresses (documentation range 192.0.2.0/24 for created instances).</summary>
    public IReadOnlyList<string> Ipv4 { get; internal init; } = [];

    /// <summary>The tags.</summary>
    public IReadOnlyList<string> Tags { get; internal init; } = [];

    /// <summary>The StackScript it was created from, or null.</summary>
    internal long? StackScriptId { get; init; }

    /// <summary>The <c>stackscript_data</c> it was created with (defaults filled in).</summary>
    public IReadOnlyDictionary<string, string> StackScriptData { get; internal init; } = new Dictionary<string, string>();

    /// <summary>When it was created through the API (the emulator's clock); null for a seeded instance.</summary>
    internal DateTimeOffset? Created { get; init; }

    /// <summary>The status of an instance created through the API, from the emulator's clock; null for a seeded one.</summary>
    internal Func<string>? Progress { get; init; }

    /// <summary>The status at <paramref name="now"/> of an instance created at <paramref name="created"/>: <c>provisioning</c>,
    /// then <c>booting</c> after <paramref name="provisioning"/>, then <c>running</c> after <paramref name="booting"/> more.</summary>
    internal static string StatusAt(DateTimeOffset created, DateTimeOffset now, TimeSpan provisioning, TimeSpan booting) =>
        now < created + provisioning ? "provisioning" : now < created + provisioning + booting ? "booting" : "running";
}
