using System.Text.RegularExpressions;

namespace Linode.AspNetCore.Authentication.Tests.Adoption;

/// <summary>
/// Every C# block of the README and of a package's front page (src/*/PACKAGE.md) is marked <c>&lt;!-- snippet: name --&gt;</c> and equals,
/// line for line, the region <c>#region name</c> of a source file that a test project compiles (and, for the Testing
/// package's test, runs): a snippet that stops compiling fails the build, one edited only in Markdown fails here.
/// </summary>
public sealed partial class PackageSnippetTests
{
    public static TheoryData<string> PackagePages => new(PackagePageFiles());

    public static TheoryData<string> Pages => new(PackagePageFiles().Append("README.md"));

    private static string Root => RepositoryRoot.Path;

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_csharp_block_is_a_compiled_region(string page)
    {
        var markdown = File.ReadAllText(Path.Combine(Root, page)).ReplaceLineEndings("\n");
        var blocks = CsharpBlock().Matches(markdown);

        // A library's page shows code; the emulator tool's and the templates' pages show commands.
        var commandsOnly = page.Contains("EmulatorTool", StringComparison.Ordinal) || page.Contains("Templates", StringComparison.Ordinal);
        Assert.True(blocks.Count > 0 || commandsOnly, $"{page} has no C# block.");
        foreach (Match block in blocks)
        {
            var name = block.Groups["name"].Value;
            Assert.True(name.Length > 0, $"{page}: a ```csharp block without a '<!-- snippet: name -->' line before it");
            var indent = block.Groups["indent"].Value.Length;
            var code = string.Join("\n", block.Groups["code"].Value.TrimEnd('\n').Split('\n').Select(line => line.Length >= indent ? line[indent..] : line.TrimStart()));
            Assert.Equal(Region(name), code);
        }
    }

    [Fact]
    public void Each_package_packs_its_page_as_its_readme()
    {
        var props = File.ReadAllText(Path.Combine(Root, "Directory.Build.props"));

        Assert.Contains("<None Include=\"$(BaseIntermediateOutputPath)package/README.md\" Pack=\"true\" PackagePath=\"README.md\" Visible=\"false\" />", props, StringComparison.Ordinal);
        Assert.Contains("<LinodeStripSnippetMarkers Source=\"$(MSBuildProjectDirectory)/PACKAGE.md\" Destination=\"$(BaseIntermediateOutputPath)package/README.md\" RepositoryUrl=\"$(PackageProjectUrl)\" />", props, StringComparison.Ordinal);
        Assert.Equal(6, PackagePages.Count);
    }

    private static IEnumerable<string> PackagePageFiles() =>
        Directory.GetFiles(Path.Combine(Root, "src"), "PACKAGE.md", SearchOption.AllDirectories).Select(path => Path.GetRelativePath(Root, path)).Order();

    private static string Region(string name)
    {
        foreach (var file in Directory.GetFiles(Path.Combine(Root, "test"), "*.cs", SearchOption.AllDirectories).Where(path => !path.Contains("/obj/", StringComparison.Ordinal)))
        {
            var lines = File.ReadAllLines(file);
            var start = Array.FindIndex(lines, line => line.Trim() == "#region " + name);
            if (start < 0)
            {
                continue;
            }

            var end = Array.FindIndex(lines, start, line => line.Trim() == "#endregion");
            var body = lines[(start + 1)..end];
            var indent = body.Where(line => line.Trim().Length > 0).Min(line => line.Length - line.TrimStart().Length);
            return string.Join("\n", body.Select(line => line.Length >= indent ? line[indent..] : line.TrimStart()));
        }

        Assert.Fail($"No '#region {name}' in any source file under test/.");
        return string.Empty;
    }

    [GeneratedRegex(@"(?:<!-- snippet: (?<name>[a-z0-9-]+) -->\n)?(?<indent>[ ]*)```csharp\n(?<code>.*?)^[ ]*```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex CsharpBlock();
}
