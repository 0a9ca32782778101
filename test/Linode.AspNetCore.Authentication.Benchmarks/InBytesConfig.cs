using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using Perfolizer.Metrology;

namespace Linode.AspNetCore.Authentication.Benchmarks;

/// <summary>Allocations in bytes, not KB: the per-request targets are "+0 B", which KB rounding would hide.</summary>
public sealed class InBytesConfig : ManualConfig
{
    public InBytesConfig() => SummaryStyle = SummaryStyle.Default.WithSizeUnit(SizeUnit.B);
}
