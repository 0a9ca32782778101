using Linode.AspNetCore.Authentication.Testing;

namespace Linode.AspNetCore.Authentication.LoadTest;

/// <summary>One row: complete logins at a concurrency until the count or the duration is reached.</summary>
internal sealed record LoadRun(string Name, LoadSample Sample, double BackchannelPerLogin, long NewConnections)
{
    public int Logins => Sample.LatenciesMs.Length;

    public static async Task<LoadRun> ExecuteAsync(string name, LoadApp app, LoginClient client, Uri start, LoadSettings settings, TimeSpan duration, int logins)
    {
        var tokenBefore = app.Emulator.RequestCount(LinodeEmulatorEndpoint.Token);
        var profileBefore = app.Emulator.RequestCount(LinodeEmulatorEndpoint.Profile);
        var connectionsBefore = app.Backchannel.AcceptedConnections;
        var sample = await LoadWorkers.RunAsync(settings.Concurrency, duration, logins, _ => client.LoginAsync(start, CancellationToken.None));
        var backchannel = app.Emulator.RequestCount(LinodeEmulatorEndpoint.Token) - tokenBefore + app.Emulator.RequestCount(LinodeEmulatorEndpoint.Profile) - profileBefore;
        var completed = sample.LatenciesMs.Length;
        return new LoadRun(name, sample, completed == 0 ? 0 : (double)backchannel / completed, app.Backchannel.AcceptedConnections - connectionsBefore);
    }
}
