using System.Globalization;

namespace WebSample.Deploy;

/// <summary>The label a new Linode gets unless the user types one: image, region and time, as Linode's Cloud Manager
/// proposes (<c>debian12-us-east-20261205-181503</c>). Linode's labels are unique per account, so a fixed default would
/// fail on the second deployment.</summary>
public static class DeployLabel
{
    public static string For(string? image, string? region, DateTimeOffset now)
    {
        var name = image is { Length: > 0 } ? image[(image.LastIndexOf('/') + 1)..] : "linode";
        return $"{name}-{region ?? "linode"}-{now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}";
    }
}
