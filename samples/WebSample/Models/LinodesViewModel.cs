using WebSample.Services;

namespace WebSample.Models;

public sealed record LinodesViewModel(IReadOnlyList<LinodeInstance> Instances, string? Problem);
