using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace WebSample.Deploy;

/// <summary>What the visitor picked on the deploy page: plan, region, image, label and the StackScript's fields
/// (form names <c>Udf[name]</c>). Bounded, so the short-lived cookie that carries them across the sign-in stays small.</summary>
public sealed class DeployChoices
{
    [Required, StringLength(64), DisplayFormat(ConvertEmptyStringToNull = false)]
    public string Plan { get; set; } = string.Empty;

    [Required, StringLength(64), DisplayFormat(ConvertEmptyStringToNull = false)]
    public string Region { get; set; } = string.Empty;

    [Required, StringLength(64), DisplayFormat(ConvertEmptyStringToNull = false)]
    public string Image { get; set; } = string.Empty;

    [Required, StringLength(64), DisplayFormat(ConvertEmptyStringToNull = false)]
    public string Label { get; set; } = string.Empty;

    /// <summary>The StackScript's user-defined fields by name.</summary>
    public Dictionary<string, string> Udf { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The field limits the annotations cannot express: at most 20 fields, names up to 64 and values up to 256
    /// characters.</summary>
    public bool FieldsWithinLimits() => Udf.Count <= 20 && Udf.All(pair => pair.Key.Length is > 0 and <= 64 && (pair.Value?.Length ?? 0) <= 256);
}

/// <summary>Source-generated JSON for the choices cookie.</summary>
[JsonSerializable(typeof(DeployChoices))]
internal sealed partial class DeployChoicesJson : JsonSerializerContext;
