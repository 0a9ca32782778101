using Aspire.Hosting.ApplicationModel;
using Linode.AspNetCore.Authentication.Aspire.Hosting.Internal;

namespace Aspire.Hosting;

/// <summary>Points a project's Linode sign-in (and its Linode API calls) at the emulator or at a real Linode client.</summary>
public static class LinodeReferenceExtensions
{
    /// <summary>
    /// Gives the project the settings of its Linode scheme, as environment variables of the keys
    /// <c>Authentication:Schemes:{scheme}:*</c> that <c>AddLinode()</c> reads. For the emulator: an OAuth client of its own
    /// (id = the project's name, a secret made for this run, the callback on the project's https endpoint, else its http
    /// endpoint), the authorize, token, profile and revocation endpoints, <c>LinodeApi:BaseAddress</c> (the API root the
    /// package's API clients read), and a wait for the emulator to be healthy. For a real client: its id and secret.
    /// </summary>
    /// <typeparam name="TDestination">The project (or other resource with endpoints).</typeparam>
    /// <param name="builder">The project.</param>
    /// <param name="linode">The emulator or the real client.</param>
    /// <param name="scheme">The scheme name; <c>Linode</c> by default.</param>
    /// <param name="callbackPath">The scheme's callback path; <c>/signin-linode</c> by default.</param>
    /// <returns>The project.</returns>
    public static IResourceBuilder<TDestination> WithReference<TDestination>(this IResourceBuilder<TDestination> builder, IResourceBuilder<ILinodeResource> linode,
        string scheme = "Linode", string callbackPath = "/signin-linode")
        where TDestination : IResourceWithEnvironment, IResourceWithEndpoints, IResourceWithWaitSupport
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(linode);
        ArgumentException.ThrowIfNullOrEmpty(scheme);
        if (!callbackPath.StartsWith('/'))
        {
            throw new ArgumentException($"The callback path must start with '/'; it is '{callbackPath}'.", nameof(callbackPath));
        }

        var section = $"Authentication__Schemes__{scheme}__";
        builder.WithReferenceRelationship(linode.Resource);
        switch (linode.Resource)
        {
            case LinodeEmulatorResource emulator:
                var client = new LinodeEmulatorClientRegistration(builder.Resource, callbackPath);
                emulator.Annotations.Add(client);
                var root = emulator.HttpEndpoint;
                builder.WithEnvironment(section + "ClientId", client.ClientId)
                    .WithEnvironment(section + "ClientSecret", client.ClientSecret)
                    .WithEnvironment(section + "CallbackPath", callbackPath)
                    .WithEnvironment(section + "AuthorizationEndpoint", ReferenceExpression.Create($"{root}/oauth/authorize"))
                    .WithEnvironment(section + "TokenEndpoint", ReferenceExpression.Create($"{root}/oauth/token"))
                    .WithEnvironment(section + "UserInformationEndpoint", ReferenceExpression.Create($"{root}/v4/profile"))
                    .WithEnvironment(section + "RevocationEndpoint", ReferenceExpression.Create($"{root}/oauth/revoke"))
                    .WithEnvironment("LinodeApi__BaseAddress", ReferenceExpression.Create($"{root}/v4/"))
                    .WaitFor(linode);
                break;
            case LinodeClientResource real:
                builder.WithEnvironment(section + "ClientId", real.ClientId)
                    .WithEnvironment(section + "ClientSecret", real.ClientSecret)
                    .WithEnvironment(section + "CallbackPath", callbackPath);
                break;
            default:
                throw new ArgumentException($"'{linode.Resource.Name}' is neither a Linode emulator nor a Linode client.", nameof(linode));
        }

        return builder;
    }

    /// <summary>Gives the project the settings of the emulator (see the general overload): scheme <c>Linode</c>, callback <c>/signin-linode</c>.</summary>
    /// <typeparam name="TDestination">The project.</typeparam>
    /// <param name="builder">The project.</param>
    /// <param name="emulator">The emulator.</param>
    /// <returns>The project.</returns>
    public static IResourceBuilder<TDestination> WithReference<TDestination>(this IResourceBuilder<TDestination> builder, IResourceBuilder<LinodeEmulatorResource> emulator)
        where TDestination : IResourceWithEnvironment, IResourceWithEndpoints, IResourceWithWaitSupport =>
        builder.WithReference((IResourceBuilder<ILinodeResource>)emulator);

    /// <summary>Gives the project the settings of a real Linode client (see the general overload): scheme <c>Linode</c>.</summary>
    /// <typeparam name="TDestination">The project.</typeparam>
    /// <param name="builder">The project.</param>
    /// <param name="client">The client.</param>
    /// <returns>The project.</returns>
    public static IResourceBuilder<TDestination> WithReference<TDestination>(this IResourceBuilder<TDestination> builder, IResourceBuilder<LinodeClientResource> client)
        where TDestination : IResourceWithEnvironment, IResourceWithEndpoints, IResourceWithWaitSupport =>
        builder.WithReference((IResourceBuilder<ILinodeResource>)client);
}
