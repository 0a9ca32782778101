using Linode.AspNetCore.Authentication.StackExchangeRedis;
using Linode.AspNetCore.Authentication.StackExchangeRedis.Tests.Infrastructure;
using Linode.AspNetCore.Authentication.Testing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Linode.AspNetCore.Authentication.LoadTest.ScaleOut;

/// <summary>
/// Everything on 127.0.0.1: one Debian <c>redis-server</c>, the emulator (one port for browsers, one for the apps'
/// back-channel), and N instance processes per session mode, all sharing one Data Protection key ring in Redis (created
/// before any instance starts, so none makes its own). Browsers see one public address, <see cref="PublicAddress"/>.
/// </summary>
internal sealed class ScaleOutRig : IAsyncDisposable
{
    public static readonly Uri PublicAddress = new("http://localhost:59999/");

    private const string KeyPrefix = "linode-load:";

    private ScaleOutRig(RedisServer redis, LinodeEmulator emulator, LinodeEmulatorServer login, LinodeEmulatorServer backchannel)
    {
        Redis = redis;
        Emulator = emulator;
        Login = login;
        Backchannel = backchannel;
    }

    public RedisServer Redis { get; }

    public LinodeEmulator Emulator { get; }

    public LinodeEmulatorServer Login { get; }

    public LinodeEmulatorServer Backchannel { get; }

    public Dictionary<SessionMode, IReadOnlyList<InstanceProcess>> Instances { get; } = [];

    public static async Task<ScaleOutRig> StartAsync(int instances)
    {
        var redis = await RedisServer.StartAsync();
        var emulator = new LinodeEmulator();
        emulator.Options.RecordRequests = false;
        emulator.Options.Clients[0].RedirectUri = new Uri(PublicAddress, "/signin-linode").ToString();
        var rig = new ScaleOutRig(redis, emulator, await LinodeEmulatorServer.StartAsync(emulator), await LinodeEmulatorServer.StartAsync(emulator));
        await CreateKeyRingAsync(redis.Configuration);
        foreach (var mode in Enum.GetValues<SessionMode>())
        {
            var settings = new InstanceSettings(rig.Login.BaseAddress, rig.Backchannel.BaseAddress, redis.Configuration, KeyPrefix, mode);
            rig.Instances[mode] = await Task.WhenAll(Enumerable.Range(0, instances).Select(_ => InstanceProcess.StartAsync(settings)));
        }

        return rig;
    }

    /// <summary>The CPU time the instances of <paramref name="mode"/> have used so far.</summary>
    public TimeSpan CpuTime(SessionMode mode) => Instances[mode].Aggregate(TimeSpan.Zero, (sum, instance) => sum + instance.CpuTime);

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in Instances.Values.SelectMany(list => list))
        {
            await instance.DisposeAsync();
        }

        await Login.DisposeAsync();
        await Backchannel.DisposeAsync();
        await Emulator.DisposeAsync();
        await Redis.DisposeAsync();
    }

    /// <summary>Creates the shared key the way an instance would (the package's own registration), before any instance
    /// starts: instances starting together on an empty ring would each create one.</summary>
    private static async Task CreateKeyRingAsync(string redis)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddDataProtection().SetApplicationName(InstanceSettings.ApplicationName);
        services.AddLinodeRedis(options =>
        {
            options.Configuration = redis;
            options.KeyPrefix = KeyPrefix;
        }).PersistDataProtectionKeys();
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IDataProtectionProvider>().CreateProtector("key ring").Protect("created"u8.ToArray());
    }
}
