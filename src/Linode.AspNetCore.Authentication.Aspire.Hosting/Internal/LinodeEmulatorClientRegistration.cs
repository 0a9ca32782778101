using System.Security.Cryptography;
using Aspire.Hosting.ApplicationModel;

namespace Linode.AspNetCore.Authentication.Aspire.Hosting.Internal;

/// <summary>One OAuth client the emulator registers for one referencing project: its id (the project's name), a secret
/// made for this run of the app host, and the callback on the project's endpoint.</summary>
internal sealed class LinodeEmulatorClientRegistration : IResourceAnnotation
{
    public LinodeEmulatorClientRegistration(IResourceWithEndpoints project, string callbackPath)
    {
        Project = project;
        ClientId = project.Name;
        ClientSecret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        CallbackPath = callbackPath;
    }

    public IResourceWithEndpoints Project { get; }

    public string ClientId { get; }

    public string ClientSecret { get; }

    public string CallbackPath { get; }

    /// <summary>The callback the browser returns to: the project's https endpoint when it has one, else its http endpoint
    /// (with replicas, the address in front of them).</summary>
    public ReferenceExpression RedirectUri()
    {
        var endpoints = Project.Annotations.OfType<EndpointAnnotation>().ToList();
        var endpoint = endpoints.FirstOrDefault(e => e.UriScheme == "https") ?? endpoints.FirstOrDefault(e => e.UriScheme == "http")
            ?? throw new InvalidOperationException($"'{Project.Name}' has no http or https endpoint for the Linode emulator to send users back to.");
        var reference = Project.GetEndpoint(endpoint.Name);
        return ReferenceExpression.Create($"{reference}{CallbackPath}");
    }
}
