namespace Linode.AspNetCore.Authentication.LoadTest.ScaleOut;

/// <summary>Where the sessions of a scale-out row live.</summary>
internal enum SessionMode
{
    /// <summary>The whole ticket in the (chunked) cookie: the default.</summary>
    Cookie,

    /// <summary><c>AddLinodeRedis(...).StoreSessions()</c>: the cookie carries a session key.</summary>
    Redis,
}

/// <summary>What an instance process is started with: the emulator's two ports, Redis, and the session mode.</summary>
internal sealed record InstanceSettings(Uri Login, Uri Backchannel, string Redis, string KeyPrefix, SessionMode Sessions)
{
    /// <summary>The Data Protection application name every instance (and the key pre-generation) shares.</summary>
    public const string ApplicationName = "linode-load";
}
