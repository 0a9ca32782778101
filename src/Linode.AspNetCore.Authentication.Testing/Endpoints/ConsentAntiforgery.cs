using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>
/// Anti-forgery for the consent form (double-submit, bound to the browser): the browser gets a random secret in an
/// HttpOnly, SameSite=Strict cookie; every rendered page gets its own token, a nonce and its HMAC under that secret. A
/// consent POST is accepted only with a token that verifies against the cookie it carries, so another site cannot make
/// a visitor's browser approve (it can neither read the cookie nor compute a token for it).
/// </summary>
internal static class ConsentAntiforgery
{
    public const string FieldName = "csrf_token";

    private const string CookieName = "linode_emulator_consent";
    private const int SecretLength = 32;

    /// <summary>A new token for the page being rendered; sets the browser's secret cookie when it has none.</summary>
    public static string Issue(HttpContext context)
    {
        var secret = ReadSecret(context);
        if (secret is null)
        {
            secret = RandomNumberGenerator.GetBytes(SecretLength);
            context.Response.Cookies.Append(CookieName, Base64Url.EncodeToString(secret), new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = context.Request.IsHttps,
                Path = context.Request.PathBase.Add("/oauth").Value,
                IsEssential = true,
            });
        }

        var nonce = RandomNumberGenerator.GetBytes(16);
        return Base64Url.EncodeToString(nonce) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(secret, nonce));
    }

    /// <summary>Whether <paramref name="token"/> was issued to the browser that sent this request.</summary>
    public static bool IsValid(HttpContext context, string? token)
    {
        var dot = token?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (dot <= 0 || ReadSecret(context) is not { } secret)
        {
            return false;
        }

        try
        {
            var nonce = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
            var mac = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
            return CryptographicOperations.FixedTimeEquals(mac, HMACSHA256.HashData(secret, nonce));
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static byte[]? ReadSecret(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value) || value is null)
        {
            return null;
        }

        try
        {
            var secret = Base64Url.DecodeFromChars(value);
            return secret.Length == SecretLength ? secret : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
