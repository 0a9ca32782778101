namespace Linode.AspNetCore.Authentication.LoadTest.ScaleOut;

/// <summary>One measured row of a session mode: complete logins, then authenticated requests of C signed-in sessions.</summary>
internal sealed record ScaleOutRow(
    SessionMode Mode,
    LoadSample Logins,
    TimeSpan LoginCpu,
    LoadSample Requests,
    TimeSpan RequestCpu,
    long RedisCommands,
    int SessionCookieBytes)
{
    /// <summary>App CPU (all instances of the mode) per completed login, in milliseconds.</summary>
    public double CpuMsPerLogin => LoginCpu.TotalMilliseconds / Math.Max(1, Logins.LatenciesMs.Length);

    /// <summary>App CPU (all instances of the mode) per authenticated request, in microseconds.</summary>
    public double CpuUsPerRequest => RequestCpu.TotalMicroseconds / Math.Max(1, Requests.LatenciesMs.Length);

    /// <summary>Redis data commands per authenticated request.</summary>
    public double RedisCommandsPerRequest => (double)RedisCommands / Math.Max(1, Requests.LatenciesMs.Length);

    public int Errors => Logins.Errors + Requests.Errors;
}
