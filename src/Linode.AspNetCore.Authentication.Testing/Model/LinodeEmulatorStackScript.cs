namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>A StackScript, read by <c>GET /v4/linode/stackscripts/{id}</c> and deployed by <c>POST /v4/linode/instances</c>.</summary>
/// <param name="id">The StackScript id.</param>
/// <param name="label">The label.</param>
/// <param name="username">The author's username.</param>
/// <param name="images">The images it may be deployed on, e.g. <c>linode/debian12</c>.</param>
/// <param name="userDefinedFields">Its user-defined fields (UDFs), in order.</param>
public sealed class LinodeEmulatorStackScript(long id, string label, string username, IReadOnlyList<string> images, IReadOnlyList<LinodeEmulatorUserDefinedField> userDefinedFields)
{
    /// <summary>The StackScript id.</summary>
    public long Id { get; } = id;

    /// <summary>The label.</summary>
    public string Label { get; } = label;

    /// <summary>The author's username.</summary>
    public string Username { get; } = username;

    /// <summary>The images it may be deployed on, e.g. <c>linode/debian12</c>.</summary>
    public IReadOnlyList<string> Images { get; } = images;

    /// <summary>Its user-defined fields (UDFs), in order.</summary>
    public IReadOnlyList<LinodeEmulatorUserDefinedField> UserDefinedFields { get; } = userDefinedFields;

    /// <summary>Whether anyone may read and deploy it. A private one answers 404 to everyone but its author (as if it did
    /// not exist); the emulator has no notion of authors, so to everyone. Defaults to true.</summary>
    public bool IsPublic { get; init; } = true;

    /// <summary>The description.</summary>
    internal string Description { get; init; } = string.Empty;

    /// <summary>The script itself.</summary>
    internal string Script { get; init; } = "#!/bin/bash\n";

    /// <summary>The StackScript the emulator seeds (id 1000001): a web server on Debian or Ubuntu, with a required
    /// <c>hostname</c>, an optional <c>site_title</c> and a <c>web_server</c> choice.</summary>
    internal static LinodeEmulatorStackScript CreateDefault() => new(
        1000001,
        "hello-web",
        "emulator-author",
        ["linode/debian12", "linode/ubuntu24.04"],
        [
            new LinodeEmulatorUserDefinedField("hostname", "The server's host name") { Example = "web01" },
            new LinodeEmulatorUserDefinedField("site_title", "Title of the welcome page") { Default = "Hello from Linode" },
            new LinodeEmulatorUserDefinedField("web_server", "Web server") { Default = "nginx", OneOf = ["nginx", "apache2"] },
        ])
    {
        Description = "Installs a web server and a welcome page.",
        Script = "#!/bin/bash\n# <UDF name=\"hostname\" label=\"The server's host name\" example=\"web01\" />\n# <UDF name=\"site_title\" label=\"Title of the welcome page\" default=\"Hello from Linode\" />\n# <UDF name=\"web_server\" label=\"Web server\" oneOf=\"nginx,apache2\" default=\"nginx\" />\n",
    };
}
