namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>The metadata on each of the emulator's route endpoints: the name faults, counts and request records use (a
/// <see cref="LinodeEmulatorEndpoint"/> name, or one given to <see cref="LinodeEmulator.MapApi"/>).</summary>
/// <param name="Name">The endpoint's name.</param>
internal sealed record EmulatorRoute(string Name)
{
    /// <summary>What a request matching no route is recorded as.</summary>
    public static EmulatorRoute Unmatched { get; } = new(LinodeEmulatorEndpoint.Unknown);
}
