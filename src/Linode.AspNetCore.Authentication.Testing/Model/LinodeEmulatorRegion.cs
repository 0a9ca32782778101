namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>A region, listed by the public <c>GET /v4/regions</c> and accepted by <c>POST /v4/linode/instances</c>.</summary>
/// <param name="Id">The region id, e.g. <c>us-east</c>.</param>
/// <param name="Label">The display name, e.g. <c>Newark, NJ</c>.</param>
/// <param name="Country">The two-letter country code, lower case.</param>
internal sealed record LinodeEmulatorRegion(string Id, string Label, string Country);
