namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>A StackScript's user-defined field (<c>user_defined_fields[]</c>): a value the deployer supplies in
/// <c>stackscript_data</c>. A field without <see cref="Default"/> is required.</summary>
/// <param name="name">The variable name, e.g. <c>hostname</c>.</param>
/// <param name="label">What a form shows.</param>
public sealed class LinodeEmulatorUserDefinedField(string name, string label)
{
    /// <summary>The variable name, e.g. <c>hostname</c>.</summary>
    public string Name { get; } = name;

    /// <summary>What a form shows.</summary>
    public string Label { get; } = label;

    /// <summary>An example value (<c>example</c>), or null.</summary>
    public string? Example { get; internal init; }

    /// <summary>The default (<c>default</c>); null makes the field required.</summary>
    public string? Default { get; init; }

    /// <summary>The allowed values (<c>oneOf</c>, comma-separated on the wire); null allows any.</summary>
    public IReadOnlyList<string>? OneOf { get; init; }

    /// <summary>The values a deployer may pick any of (<c>manyOf</c>, comma-separated on the wire and in
    /// <c>stackscript_data</c>); null when the field is not a multiple choice.</summary>
    public IReadOnlyList<string>? ManyOf { get; init; }
}
