using System.Text.Json;
using System.Text.Json.Serialization;

namespace WebSample.Services;

/// <summary>One page of a Linode list.</summary>
public sealed record LinodePage<T>(IReadOnlyList<T> Data, int Page, int Pages, int Results);

/// <summary>A Linode instance (the fields this sample shows). A list Linode leaves out reads as empty: the source-generated
/// reader sets a missing init-only property to null, whatever its initializer says.</summary>
public sealed record LinodeInstance(long Id, string Label, string Region, string Type, string Status)
{
    public string? Image { get; init; }

    public IReadOnlyList<string> Ipv4 { get => field ?? []; init; }

    public IReadOnlyList<string> Tags { get => field ?? []; init; }
}

/// <summary>A plan (<c>GET /v4/linode/types</c>).</summary>
public sealed record LinodePlan(string Id, string Label, int Memory, int Disk, int Vcpus, LinodePrice Price);

/// <summary>A plan's price in US dollars.</summary>
public sealed record LinodePrice(decimal Hourly, decimal Monthly);

/// <summary>A region (<c>GET /v4/regions</c>).</summary>
public sealed record LinodeRegion(string Id, string Label, string Country);

/// <summary>A StackScript (<c>GET /v4/linode/stackscripts/{id}</c>).</summary>
public sealed record StackScript(long Id, string Label, string Username, string Description, IReadOnlyList<string> Images,
    [property: JsonPropertyName("user_defined_fields")] IReadOnlyList<StackScriptField> UserDefinedFields, [property: JsonPropertyName("is_public")] bool IsPublic);

/// <summary>A StackScript's user-defined field; one without a default is required. <c>oneOf</c> offers one value of a
/// comma-separated list, <c>manyOf</c> any number of them (sent comma-separated).</summary>
public sealed record StackScriptField(string Name, string Label, string? Example, string? Default,
    [property: JsonPropertyName("oneOf")] string? OneOf, [property: JsonPropertyName("manyOf")] string? ManyOf = null)
{
    /// <summary>The values to pick one of, or empty when any value is allowed.</summary>
    public IReadOnlyList<string> Choices => ListOf(OneOf);

    /// <summary>The values to pick any of, or empty when the field is not a multiple choice.</summary>
    public IReadOnlyList<string> MultipleChoices => ListOf(ManyOf);

    /// <summary>Whether Linode requires a value (the field has no default).</summary>
    public bool IsRequired => Default is null;

    /// <summary>The name Linode gives the field in its errors (<c>stackscript_data.name</c>).</summary>
    public static string DataField(string name) => "stackscript_data." + name;

    private static string[] ListOf(string? list) => list is { Length: > 0 } ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
}

/// <summary>The body of <c>POST /v4/linode/instances</c>.</summary>
public sealed record CreateLinodeRequest(
    string Type,
    string Region,
    string Image,
    string Label,
    [property: JsonPropertyName("root_pass")] string RootPass,
    [property: JsonPropertyName("stackscript_id")] long StackScriptId,
    [property: JsonPropertyName("stackscript_data")] IReadOnlyDictionary<string, string> StackScriptData,
    IReadOnlyList<string> Tags);

/// <summary>Linode's error body: <c>{"errors":[{"field":"region","reason":"…"}]}</c>.</summary>
public sealed record LinodeErrors(IReadOnlyList<LinodeFieldError>? Errors);

/// <summary>One error; <see cref="Field"/> is null for an error of the whole request.</summary>
public sealed record LinodeFieldError(string? Field, string? Reason);

/// <summary>The JSON of every Linode API type this sample reads or writes, source-generated (snake_case, as Linode's API).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(LinodePage<LinodeInstance>))]
[JsonSerializable(typeof(LinodePage<LinodePlan>))]
[JsonSerializable(typeof(LinodePage<LinodeRegion>))]
[JsonSerializable(typeof(LinodeInstance))]
[JsonSerializable(typeof(StackScript))]
[JsonSerializable(typeof(CreateLinodeRequest))]
[JsonSerializable(typeof(LinodeErrors))]
public sealed partial class LinodeApiJson : JsonSerializerContext;
