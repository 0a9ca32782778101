using Aspire.Hosting.ApplicationModel;

namespace Linode.AspNetCore.Authentication.Aspire.Hosting.Internal;

/// <summary>How the emulator resource starts the tool: from its NuGet package (<c>dotnet tool exec</c>, the version of this
/// integration unless told otherwise) or from a project (a repository that builds the tool itself).</summary>
internal sealed class LinodeEmulatorLaunch : IResourceAnnotation
{
    public const string ToolPackageId = "Linode.AspNetCore.Authentication.EmulatorTool";

    public string? ProjectPath { get; set; }

    public string? Configuration { get; set; }

    public string Version { get; set; } = DefaultVersion;

    public IList<string> Sources { get; } = [];

    /// <summary>This integration's package version (the tool ships with the same version).</summary>
    public static string DefaultVersion { get; } =
        (typeof(LinodeEmulatorLaunch).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "0.1.0").Split('+')[0];

    /// <summary>The arguments of <c>dotnet</c>, up to the tool's own (after <c>--</c>).</summary>
    public IEnumerable<string> DotnetArguments()
    {
        if (ProjectPath is not null)
        {
            return ["run", "--project", ProjectPath, "--no-launch-profile", "-c", Configuration ?? "Debug", "--"];
        }

        return ["tool", "exec", ToolPackageId + "@" + Version, "--yes", .. Sources.SelectMany(source => new[] { "--add-source", source }), "--"];
    }
}
