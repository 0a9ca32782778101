using Microsoft.Extensions.Configuration;

// The sample as it runs in production, on one machine: WebSample as three replicas behind http://localhost:5090, sharing
// Redis (sessions, the Data Protection key ring, one token refresh per rotation), signing in at the Linode emulator, or
// at real Linode when Parameters:linode-client-id and Parameters:linode-client-secret are set (user-secrets).
var builder = DistributedApplication.CreateBuilder(args);

IResourceBuilder<ILinodeResource> linode = string.IsNullOrEmpty(builder.Configuration["Parameters:linode-client-id"])
    ? builder.AddLinodeEmulator("linode").WithToolProject<Projects.Linode_AspNetCore_Authentication_EmulatorTool>()
    : builder.AddLinodeClient("linode");

var redis = SampleRedis.Add(builder);

builder.AddProject<Projects.WebSample>("web")
    .WithEndpoint("http", endpoint => endpoint.Port = builder.Configuration.GetValue("PublicPort", 5090))
    .WithReplicas(builder.Configuration.GetValue("Replicas", 3))
    .WithReference(linode)
    .WithEnvironment("ConnectionStrings__Redis", redis.ConnectionString)
    .WaitFor(redis.Resource);

builder.Build().Run();
