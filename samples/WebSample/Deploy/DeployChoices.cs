using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using WebSample.Services;

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

    /// <summary>The field limits the annotations cannot express, as errors next to the field they concern: at most 20
    /// StackScript fields, names up to 64 and values up to 256 characters.</summary>
    public IEnumerable<LinodeFieldError> LimitErrors()
    {
        if (Udf.Count > 20 || Udf.Keys.Any(name => name.Length is 0 or > 64))
        {
            yield return new LinodeFieldError(null, "Too many StackScript fields, or a field name longer than 64 characters.");
            yield break;
        }

        foreach (var (name, value) in Udf)
        {
            if ((value?.Length ?? 0) > 256)
            {
                yield return new LinodeFieldError(StackScriptField.DataField(name), "At most 256 characters.");
            }
        }
    }
}

/// <summary>Source-generated JSON for the choices cookie.</summary>
[JsonSerializable(typeof(DeployChoices))]
internal sealed partial class DeployChoicesJson : JsonSerializerContext;
