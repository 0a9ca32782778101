using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.DataProtection;

namespace WebSample.Deploy;

/// <summary>A value as source-generated JSON, protected (encrypted, signed) with Data Protection for a purpose and valid
/// for a limited time: what the choices cookie and the confirmation form carry through the browser.</summary>
public class TimeLimitedJson<T>(IDataProtectionProvider dataProtection, TimeProvider time, string purpose, TimeSpan lifetime, JsonTypeInfo<T> json)
    where T : class
{
    private readonly ITimeLimitedDataProtector _protector = dataProtection.CreateProtector(purpose).ToTimeLimitedDataProtector();

    /// <summary>How long a protected value stays readable.</summary>
    public TimeSpan Lifetime => lifetime;

    public string Protect(T value) => _protector.Protect(JsonSerializer.Serialize(value, json), time.GetUtcNow().Add(lifetime));

    /// <summary>The value, or null when it is missing, expired or tampered with.</summary>
    public T? Read(string? protectedValue)
    {
        if (string.IsNullOrEmpty(protectedValue))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(_protector.Unprotect(protectedValue, out _), json);
        }
        catch (Exception exception) when (exception is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }
}
