using Aspire.Hosting;

namespace Projects;

/// <summary>The "WebApp" of the package page's app host: the repository's WebSample, under the name a reader's app has.</summary>
internal sealed class WebApp : IProjectMetadata
{
    public string ProjectPath => new WebSample().ProjectPath;
}
