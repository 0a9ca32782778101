namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>A Linode instance in a seeded user's account, listed by <c>GET /v4/linode/instances</c>.</summary>
/// <param name="Id">The instance id.</param>
/// <param name="Label">The label.</param>
/// <param name="Region">The region, e.g. <c>us-east</c>.</param>
/// <param name="Type">The plan, e.g. <c>g6-nanode-1</c>.</param>
/// <param name="Status">The status, e.g. <c>running</c>.</param>
public sealed record LinodeEmulatorInstance(long Id, string Label, string Region, string Type, string Status);
