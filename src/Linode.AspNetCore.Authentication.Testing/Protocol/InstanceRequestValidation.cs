using System.Text.Json;
using System.Text.RegularExpressions;

namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>A field error of Linode's error shape: <c>{"errors":[{"field":"region","reason":"…"}]}</c>.</summary>
internal sealed record EmulatorFieldError(string? Field, string Reason);

/// <summary>A create request that passed validation, defaults filled in.</summary>
internal sealed record ValidInstanceRequest(string Region, string Type, string? Label, string? Image, LinodeEmulatorStackScript? StackScript,
    IReadOnlyDictionary<string, string> StackScriptData, IReadOnlyList<string> Tags);

/// <summary>
/// Validates a <c>POST /v4/linode/instances</c> body as Linode documents it: <c>region</c> and <c>type</c> required and
/// known; <c>label</c> 3–64 characters, letters, digits and single <c>-</c>, <c>_</c> or <c>.</c> between them;
/// <c>root_pass</c> required with an image, 7–128 characters of letters, digits, punctuation, spaces and tabs, at least two
/// of upper case, lower case, digits and punctuation (Linode today also scores strength internally: not confirmed how);
/// <c>image</c> known; <c>stackscript_id</c> an existing public StackScript, which needs an image it supports and every
/// user-defined field without a default in <c>stackscript_data</c> (values within <c>oneOf</c>, or comma-separated values within <c>manyOf</c>); <c>tags</c> of 3–50
/// characters. Every error is reported, not just the first.
/// </summary>
internal static partial class InstanceRequestValidation
{
    public static (ValidInstanceRequest? Request, IReadOnlyList<EmulatorFieldError> Errors) Validate(string? body, LinodeEmulatorOptions options)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(string.IsNullOrEmpty(body) ? "null" : body);
        }
        catch (JsonException)
        {
            return (null, [new EmulatorFieldError(null, "The request body is not valid JSON.")]);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, [new EmulatorFieldError(null, "The request body must be a JSON object.")]);
            }

            var errors = new List<EmulatorFieldError>();
            var region = RequiredString(root, "region", errors);
            if (region is not null && !options.Regions.Any(known => known.Id == region))
            {
                errors.Add(new EmulatorFieldError("region", "region is not valid"));
            }

            var type = RequiredString(root, "type", errors);
            if (type is not null && !options.Plans.Any(known => known.Id == type))
            {
                errors.Add(new EmulatorFieldError("type", "A valid plan type by that ID was not found"));
            }

            var label = OptionalString(root, "label", errors);
            if (label is not null && (label.Length is < 3 or > 64 || !LabelPattern().IsMatch(label)))
            {
                errors.Add(new EmulatorFieldError("label", label.Length is < 3 or > 64
                    ? "Length must be 3-64 characters"
                    : "Must begin and end with a letter or digit, and contain only letters, digits and single '-', '_' or '.' between them"));
            }

            var image = OptionalString(root, "image", errors);
            if (image is not null && !options.Images.Contains(image))
            {
                errors.Add(new EmulatorFieldError("image", "Not a valid image"));
            }

            var rootPass = OptionalString(root, "root_pass", errors);
            if (image is not null && rootPass is null)
            {
                errors.Add(new EmulatorFieldError("root_pass", "root_pass is required when deploying from an image"));
            }
            else if (rootPass is not null && PasswordError(rootPass) is { } passwordError)
            {
                errors.Add(new EmulatorFieldError("root_pass", passwordError));
            }

            var stackScript = StackScriptOf(root, options, image, errors);
            var data = stackScript is null ? new Dictionary<string, string>() : StackScriptData(root, stackScript, errors);
            var tags = Tags(root, errors);
            return errors.Count > 0 ? (null, errors) : (new ValidInstanceRequest(region!, type!, label, image, stackScript, data, tags), errors);
        }
    }

    private static string? PasswordError(string password)
    {
        if (password.Length is < 7 or > 128)
        {
            return "Length must be 7-128 characters";
        }

        if (password.Any(c => c != ' ' && c != '\t' && (c < '!' || c > '~')))
        {
            return "May only use letters, digits, punctuation, spaces and tabs";
        }

        var classes = (password.Any(char.IsAsciiLetterUpper) ? 1 : 0) + (password.Any(char.IsAsciiLetterLower) ? 1 : 0)
            + (password.Any(char.IsAsciiDigit) ? 1 : 0) + (password.Any(char.IsPunctuation) || password.Any(char.IsSymbol) ? 1 : 0);
        return classes >= 2 ? null : "Password does not meet strength requirement.";
    }

    private static LinodeEmulatorStackScript? StackScriptOf(JsonElement root, LinodeEmulatorOptions options, string? image, List<EmulatorFieldError> errors)
    {
        if (!root.TryGetProperty("stackscript_id", out var idElement) || idElement.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (!idElement.TryGetInt64(out var id))
        {
            errors.Add(new EmulatorFieldError("stackscript_id", "stackscript_id must be an integer"));
            return null;
        }

        var stackScript = options.StackScripts.FirstOrDefault(candidate => candidate.Id == id && candidate.IsPublic);
        if (stackScript is null)
        {
            errors.Add(new EmulatorFieldError("stackscript_id", "StackScript not found"));
        }
        else if (image is null)
        {
            errors.Add(new EmulatorFieldError("image", "image is required when deploying a StackScript"));
        }
        else if (!stackScript.Images.Contains(image))
        {
            errors.Add(new EmulatorFieldError("image", "The StackScript cannot be deployed on this image"));
        }

        return stackScript;
    }

    private static Dictionary<string, string> StackScriptData(JsonElement root, LinodeEmulatorStackScript stackScript, List<EmulatorFieldError> errors)
    {
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty("stackscript_data", out var dataElement) && dataElement.ValueKind != JsonValueKind.Null)
        {
            if (dataElement.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new EmulatorFieldError("stackscript_data", "stackscript_data must be an object"));
                return given;
            }

            foreach (var property in dataElement.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String)
                {
                    given[property.Name] = property.Value.GetString()!;
                }
                else
                {
                    errors.Add(new EmulatorFieldError("stackscript_data." + property.Name, property.Name + " must be a string"));
                }
            }
        }

        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in stackScript.UserDefinedFields)
        {
            var value = given.TryGetValue(field.Name, out var supplied) && supplied.Length > 0 ? supplied : field.Default;
            if (value is null)
            {
                errors.Add(new EmulatorFieldError("stackscript_data." + field.Name, field.Label + " is required"));
            }
            else if (field.OneOf is { } allowed && !allowed.Contains(value))
            {
                errors.Add(new EmulatorFieldError("stackscript_data." + field.Name, field.Label + " must be one of: " + string.Join(", ", allowed)));
            }
            else if (field.ManyOf is { } any && value.Split(',').Any(picked => !any.Contains(picked)))
            {
                errors.Add(new EmulatorFieldError("stackscript_data." + field.Name, field.Label + " must be any of: " + string.Join(", ", any)));
            }
            else
            {
                data[field.Name] = value;
            }
        }

        return data;
    }

    private static List<string> Tags(JsonElement root, List<EmulatorFieldError> errors)
    {
        var tags = new List<string>();
        if (!root.TryGetProperty("tags", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return tags;
        }

        if (element.ValueKind != JsonValueKind.Array || element.EnumerateArray().Any(tag => tag.ValueKind != JsonValueKind.String))
        {
            errors.Add(new EmulatorFieldError("tags", "tags must be an array of strings"));
            return tags;
        }

        foreach (var tag in element.EnumerateArray().Select(tag => tag.GetString()!))
        {
            if (tag.Length is < 3 or > 50)
            {
                errors.Add(new EmulatorFieldError("tags", "Length must be 3-50 characters"));
            }
            else if (!tags.Contains(tag))
            {
                tags.Add(tag);
            }
        }

        return tags;
    }

    private static string? RequiredString(JsonElement root, string name, List<EmulatorFieldError> errors)
    {
        var value = OptionalString(root, name, errors);
        if (value is null && !errors.Any(error => error.Field == name))
        {
            errors.Add(new EmulatorFieldError(name, name + " is required"));
        }

        return value;
    }

    private static string? OptionalString(JsonElement root, string name, List<EmulatorFieldError> errors)
    {
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            errors.Add(new EmulatorFieldError(name, name + " must be a string"));
            return null;
        }

        return element.GetString();
    }

    [GeneratedRegex("^[A-Za-z0-9](?:[-_.]?[A-Za-z0-9])*$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelPattern();
}
