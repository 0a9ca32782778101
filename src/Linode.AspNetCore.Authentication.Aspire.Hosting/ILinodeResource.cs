using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

/// <summary>Where a project's users sign in with Linode: the emulator (<see cref="LinodeEmulatorResource"/>) or a real
/// Linode OAuth client (<see cref="LinodeClientResource"/>). A project references either with the same
/// <c>WithReference</c>, so its code is the same for both.</summary>
public interface ILinodeResource : IResource;
