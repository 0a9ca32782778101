namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>A Linode instance in a user's account, listed by <c>GET /v4/linode/instances</c>: seeded, or created by
/// <c>POST /v4/linode/instances</c>.</summary>
/// <param name="Id">The instance id.</param>
/// <param name="Label">The label.</param>
/// <param name="Region">The region, e.g. <c>us-east</c>.</param>
/// <param name="Type">The plan, e.g. <c>g6-nanode-1</c>.</param>
/// <param name="Status">The status of a seeded instance, e.g. <c>running</c>. One created through the API moves from
/// <c>provisioning</c> to <c>booting</c> to <c>running</c> on the emulator's clock (see <see cref="Created"/>).</param>
public sealed record LinodeEmulatorInstance(long Id, string Label, string Region, string Type, string Status)
{
    /// <summary>The image deployed, e.g. <c>linode/debian12</c>, or null.</summary>
    public string? Image { get; init; }

    /// <summary>The public IPv4 addresses (documentation range 192.0.2.0/24 for created instances).</summary>
    public IReadOnlyList<string> Ipv4 { get; init; } = [];

    /// <summary>The tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The StackScript deployed, or null.</summary>
    public long? StackScriptId { get; init; }

    /// <summary>The <c>stackscript_data</c> it was deployed with (defaults filled in).</summary>
    public IReadOnlyDictionary<string, string> StackScriptData { get; init; } = new Dictionary<string, string>();

    /// <summary>When it was created through the API (the emulator's clock); null for a seeded instance, whose
    /// <see cref="Status"/> never changes.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>The status at <paramref name="now"/>: <see cref="Status"/> for a seeded instance; for a created one
    /// <c>provisioning</c>, then <c>booting</c> after <paramref name="provisioning"/>, then <c>running</c> after
    /// <paramref name="booting"/> more.</summary>
    /// <param name="now">The emulator's time.</param>
    /// <param name="provisioning">How long provisioning lasts.</param>
    /// <param name="booting">How long booting lasts.</param>
    /// <returns>The status.</returns>
    public string StatusAt(DateTimeOffset now, TimeSpan provisioning, TimeSpan booting) => Created is not { } created
        ? Status
        : now < created + provisioning ? "provisioning" : now < created + provisioning + booting ? "booting" : "running";
}
