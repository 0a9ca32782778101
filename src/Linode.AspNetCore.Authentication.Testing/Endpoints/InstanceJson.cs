using System.Globalization;
using System.Text.Json;

namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>An instance as the API shows it (the fields of Linode's <c>Linode</c> object that the emulator models), with
/// its status on the emulator's clock.</summary>
internal static class InstanceJson
{
    /// <summary>The user's instances, read under the list's lock (the API adds and removes them concurrently).</summary>
    public static LinodeEmulatorInstance[] Snapshot(LinodeEmulatorUser user)
    {
        lock (user.Instances)
        {
            return user.Instances.ToArray();
        }
    }

    public static void Write(Utf8JsonWriter writer, LinodeEmulatorInstance instance, LinodeEmulator emulator)
    {
        var options = emulator.Options;
        var plan = options.Plans.FirstOrDefault(candidate => candidate.Id == instance.Type);
        var created = (instance.Created ?? new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
        writer.WriteStartObject();
        writer.WriteNumber("id", instance.Id);
        writer.WriteString("label", instance.Label);
        writer.WriteString("region", instance.Region);
        writer.WriteString("type", instance.Type);
        writer.WriteString("status", instance.Status);
        writer.WriteString("image", instance.Image);
        writer.WriteStartArray("ipv4");
        foreach (var address in instance.Ipv4)
        {
            writer.WriteStringValue(address);
        }

        writer.WriteEndArray();
        writer.WriteNull("ipv6");
        writer.WriteString("group", string.Empty);
        writer.WriteStartArray("tags");
        foreach (var tag in instance.Tags)
        {
            writer.WriteStringValue(tag);
        }

        writer.WriteEndArray();
        writer.WriteString("hypervisor", "kvm");
        writer.WriteString("created", created);
        writer.WriteString("updated", created);
        writer.WriteStartObject("specs");
        writer.WriteNumber("disk", plan?.DiskMegabytes ?? 0);
        writer.WriteNumber("memory", plan?.MemoryMegabytes ?? 0);
        writer.WriteNumber("vcpus", plan?.Vcpus ?? 0);
        writer.WriteNumber("transfer", 1000);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
