using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace Linode.AspNetCore.Authentication.Aspire.Tests.Snippets;

/// <summary>The app host code of the hosting integration's PACKAGE.md and of the README's Aspire section, compiled here
/// (PackageSnippetTests compares the Markdown with these regions) and run as tests.</summary>
public sealed class AppHostSnippets
{
    [Theory]
    [InlineData(null, typeof(LinodeEmulatorResource))]
    [InlineData("0123456789abcdef0123", typeof(LinodeClientResource))]
    public void The_app_host_of_the_package_page_references_the_emulator_or_real_Linode(string? clientId, Type expected)
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { DisableDashboard = true, AssemblyName = typeof(AppHostSnippets).Assembly.GetName().Name });
        builder.Configuration["Parameters:linode-client-id"] = clientId;

        #region aspire-app-host
        // Real Linode when the app host has a client id (user-secrets: Parameters:linode-client-id and
        // Parameters:linode-client-secret); otherwise the Linode emulator, with no account at all.
        IResourceBuilder<ILinodeResource> linode = string.IsNullOrEmpty(builder.Configuration["Parameters:linode-client-id"])
            ? builder.AddLinodeEmulator("linode")
            : builder.AddLinodeClient("linode");

        builder.AddProject<Projects.WebApp>("web")
            .WithReference(linode);   // Authentication:Schemes:Linode:* and LinodeApi:BaseAddress
        #endregion

        var web = builder.Resources.OfType<ProjectResource>().Single();
        Assert.IsType(expected, Assert.Single(builder.Resources.OfType<ILinodeResource>()));
        Assert.Contains(web.Annotations.OfType<ResourceRelationshipAnnotation>(), relation => relation.Resource is ILinodeResource);
    }
}
