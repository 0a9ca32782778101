using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

/// <summary>A real Linode OAuth client (registered at cloud.linode.com): its id and secret as app host parameters.
/// Projects that reference it sign users in at login.linode.com and call api.linode.com.</summary>
public sealed class LinodeClientResource : Resource, ILinodeResource
{
    /// <summary>Creates the resource.</summary>
    /// <param name="name">The resource name.</param>
    /// <param name="clientId">The client id parameter.</param>
    /// <param name="clientSecret">The client secret parameter (a secret parameter).</param>
    public LinodeClientResource(string name, ParameterResource clientId, ParameterResource clientSecret)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(clientId);
        ArgumentNullException.ThrowIfNull(clientSecret);
        ClientId = clientId;
        ClientSecret = clientSecret;
    }

    /// <summary>The client id.</summary>
    public ParameterResource ClientId { get; }

    /// <summary>The client secret.</summary>
    public ParameterResource ClientSecret { get; }
}
