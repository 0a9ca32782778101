using System.Text.Json;

namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>Parses a success body from Linode, accepting it only as a JSON object that carries a required property.</summary>
internal static class LinodeJsonBody
{
    /// <summary>The parsed document, owned by the caller, or null when the body is not such an object.</summary>
    public static async Task<JsonDocument?> ReadObjectHavingAsync(Stream body, string requiredProperty, Func<JsonElement, bool>? accept, CancellationToken cancellationToken)
    {
        JsonDocument? document = null;
        try
        {
            document = await JsonDocument.ParseAsync(body, default, cancellationToken).ConfigureAwait(false);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(requiredProperty, out var value)
                && (accept is null || accept(value)))
            {
                var result = document;
                document = null;
                return result;
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }
        finally
        {
            document?.Dispose();
        }
    }
}
