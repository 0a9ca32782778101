using Linode.AspNetCore.Authentication.LoadTest;
using Linode.AspNetCore.Authentication.LoadTest.ScaleOut;

// dotnet run -c Release --project test/Linode.AspNetCore.Authentication.LoadTest -- [--logins N] [--concurrency C] [--duration S] [--warmup S] [--rounds R]
//   complete logins through the emulator, AddLinode against the hand-written AddOAuth baseline, in one run;
// ... -- --instances N [--concurrency C] [--duration S] [--warmup S] [--rounds R]
//   N app instances (one process each) behind a round-robin balancer on one Redis and one emulator: logins/s and
//   authenticated requests/s, app CPU and Redis commands per request, cookie sessions against Redis sessions.
if (args is [InstanceHost.Command, ..])
{
    return await InstanceHost.RunAsync(args);
}

var settings = LoadSettings.Parse(args);
return settings.Instances > 0 ? await ScaleOutLoad.RunAsync(settings) : await LoginComparison.RunAsync(settings);
