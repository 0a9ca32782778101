namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>The metadata on each of the emulator's route endpoints: the name faults, counts and request records use, and
/// which built-in endpoint it is (<see cref="LinodeEmulatorEndpoint.Added"/> for one added with
/// <see cref="LinodeEmulator.MapApi"/>).</summary>
/// <param name="Name">The endpoint's name, e.g. <c>Token</c> or a name given to <see cref="LinodeEmulator.MapApi"/>.</param>
/// <param name="Kind">The built-in endpoint, or <see cref="LinodeEmulatorEndpoint.Added"/>.</param>
internal sealed record EmulatorRoute(string Name, LinodeEmulatorEndpoint Kind)
{
    /// <summary>What a request matching no route is recorded as.</summary>
    public static EmulatorRoute Unmatched { get; } = new(nameof(LinodeEmulatorEndpoint.Unknown), LinodeEmulatorEndpoint.Unknown);

    /// <summary>The route of a name: a built-in endpoint's name gives that endpoint, any other name is an added one.</summary>
    public static EmulatorRoute Named(string name) =>
        Enum.TryParse<LinodeEmulatorEndpoint>(name, ignoreCase: false, out var kind) && Enum.IsDefined(kind) && !char.IsDigit(name[0])
            && kind is not (LinodeEmulatorEndpoint.Unknown or LinodeEmulatorEndpoint.Added)
            ? new EmulatorRoute(name, kind)
            : new EmulatorRoute(name, LinodeEmulatorEndpoint.Added);
}
