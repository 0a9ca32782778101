using Aspire.Hosting.ApplicationModel;

/// <summary>
/// Redis for the replicas: Debian's <c>redis-server</c> as an executable resource (no container runtime needed, none is
/// here). With Docker, Aspire's container does the same: <c>builder.AddRedis("redis")</c> from Aspire.Hosting.Redis and
/// <c>.WithReference(redis)</c>, which sets <c>ConnectionStrings__redis</c>.
/// </summary>
internal static class SampleRedis
{
    public static (IResourceBuilder<ExecutableResource> Resource, ReferenceExpression ConnectionString) Add(IDistributedApplicationBuilder builder)
    {
        var redis = builder.AddExecutable("redis", "redis-server", builder.AppHostDirectory)
            .WithEndpoint(name: "tcp", scheme: "tcp");
        var endpoint = redis.GetEndpoint("tcp");

        // No persistence: the sample's sessions live as long as the app host.
        redis.WithArgs(context =>
        {
            context.Args.Add("--port");
            context.Args.Add(endpoint.Property(EndpointProperty.TargetPort));
            context.Args.Add("--bind");
            context.Args.Add("127.0.0.1");
            context.Args.Add("--save");
            context.Args.Add(string.Empty);
            context.Args.Add("--appendonly");
            context.Args.Add("no");
        });
        return (redis, ReferenceExpression.Create($"{endpoint.Property(EndpointProperty.HostAndPort)}"));
    }
}
