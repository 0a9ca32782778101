namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>A plan (Linode "type"), listed by the public <c>GET /v4/linode/types</c>. A test that needs other plans maps its
/// own <c>/v4/linode/types</c> with <see cref="LinodeEmulator.MapPublicApi"/>.</summary>
/// <param name="Id">The type id, e.g. <c>g6-nanode-1</c>.</param>
/// <param name="Label">The display name, e.g. <c>Nanode 1GB</c>.</param>
/// <param name="Class">The class: <c>nanode</c>, <c>standard</c>, <c>dedicated</c>, ….</param>
/// <param name="MemoryMegabytes">Memory (<c>memory</c>), in MB.</param>
/// <param name="DiskMegabytes">Disk (<c>disk</c>), in MB.</param>
/// <param name="Vcpus">Virtual CPUs.</param>
/// <param name="MonthlyPrice">Monthly price in US dollars (<c>price.monthly</c>).</param>
internal sealed record LinodeEmulatorPlan(string Id, string Label, string Class, int MemoryMegabytes, int DiskMegabytes, int Vcpus, decimal MonthlyPrice)
{
    /// <summary>Hourly price in US dollars (<c>price.hourly</c>): the monthly price over 730 hours, as Linode bills.</summary>
    public decimal HourlyPrice => decimal.Round(MonthlyPrice / 730m, 4);
}
