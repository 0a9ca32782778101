using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

/// <summary>Adds a real Linode OAuth client to an Aspire app host.</summary>
public static class LinodeClientBuilderExtensions
{
    /// <summary>
    /// Adds a real Linode OAuth client (registered at cloud.linode.com) from two parameters: the client id and the
    /// client secret, a secret parameter. Unless given, they are <c>{name}-client-id</c> and <c>{name}-client-secret</c>
    /// (<c>Parameters:linode-client-id</c> in the app host's configuration or user-secrets). A project that references it
    /// gets the same settings keys as with the emulator, so its code does not change.
    /// </summary>
    /// <param name="builder">The app host builder.</param>
    /// <param name="name">The resource name.</param>
    /// <param name="clientId">The client id parameter.</param>
    /// <param name="clientSecret">The client secret parameter; must be a secret parameter.</param>
    /// <returns>The client resource.</returns>
    public static IResourceBuilder<LinodeClientResource> AddLinodeClient(this IDistributedApplicationBuilder builder, [ResourceName] string name,
        IResourceBuilder<ParameterResource>? clientId = null, IResourceBuilder<ParameterResource>? clientSecret = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        clientId ??= builder.AddParameter(name + "-client-id");
        clientSecret ??= builder.AddParameter(name + "-client-secret", secret: true);
        if (!clientSecret.Resource.Secret)
        {
            throw new ArgumentException($"The client secret parameter '{clientSecret.Resource.Name}' must be a secret parameter (AddParameter(..., secret: true)).", nameof(clientSecret));
        }

        return builder.AddResource(new LinodeClientResource(name, clientId.Resource, clientSecret.Resource))
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "LinodeClient",
                State = KnownResourceStates.Running,
                Properties = [new(CustomResourceKnownProperties.Source, "https://login.linode.com")],
            })
            .WithIconName("PersonKey")
            .ExcludeFromManifest();
    }
}
