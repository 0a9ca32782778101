using System.Text.Json;

namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>
/// Reads an error body from login.linode.com or api.linode.com. Login's format is not confirmed, so both the
/// RFC 6749 shape (<c>error</c>, <c>error_description</c>) and Linode's API shape (<c>errors[0].reason</c>) are understood.
/// </summary>
internal readonly record struct LinodeErrorBody(string? Code, string? Description, bool IsJson)
{
    public static LinodeErrorBody Parse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return default;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new LinodeErrorBody(null, null, true);
            }

            var code = ReadString(root, "error");
            var description = ReadString(root, "error_description");
            if (description is null && root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                foreach (var error in errors.EnumerateArray())
                {
                    if (error.ValueKind == JsonValueKind.Object && ReadString(error, "reason") is { } reason)
                    {
                        description = reason;
                        break;
                    }
                }
            }

            return new LinodeErrorBody(code, description, true);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static string? ReadString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
