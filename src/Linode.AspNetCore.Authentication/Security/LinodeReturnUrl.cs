using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linode.AspNetCore.Authentication.Internal;

/// <summary>
/// The one rule for every return URL the package accepts or produces: ASP.NET Core's own local-URL check
/// (<see cref="RedirectHttpResult.IsLocalUrl(string?)"/>: no scheme, no <c>//</c> or <c>/\</c>, no control character),
/// at most <see cref="MaxLength"/> characters, and non-ASCII characters percent-encoded as UTF-8 so that the callback's
/// <c>Location</c> header is always valid (a raw <c>/café</c> makes Kestrel throw after the code was redeemed).
/// </summary>
internal static class LinodeReturnUrl
{
    /// <summary>Longer return URLs are refused: they travel in the state parameter to Linode and back.</summary>
    public const int MaxLength = 2048;

    /// <summary>The header-safe form of a local URL (<c>~/</c> resolved against <paramref name="pathBase"/>), or null when
    /// <paramref name="url"/> is not local.</summary>
    public static string? Local(string? url, PathString pathBase)
    {
        if (url is null || url.Length > MaxLength || !RedirectHttpResult.IsLocalUrl(url))
        {
            return null;
        }

        if (url[0] == '~')
        {
            url = pathBase.Add(new PathString("/")).Value + url[2..];
        }

        return EscapeNonAscii(url);
    }

    /// <summary>For a challenge's <c>RedirectUri</c>: a local URL as <see cref="Local"/> gives it, an absolute URL of the
    /// request's own origin reduced to its local part, anything else null.</summary>
    public static string? LocalOrSameOrigin(string url, HttpRequest request)
    {
        if (Local(url, request.PathBase) is { } local)
        {
            return local;
        }

        // The request's scheme is http or https, so matching it also refuses every other scheme.
        if (url.Length <= MaxLength && !url.Any(char.IsControl)
            && Uri.TryCreate(url, UriKind.Absolute, out var absolute)
            && string.IsNullOrEmpty(absolute.UserInfo)
            && string.Equals(absolute.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(absolute.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase))
        {
            return Local(absolute.PathAndQuery + absolute.Fragment, request.PathBase);
        }

        return null;
    }

    /// <summary>The URL with every non-ASCII character percent-encoded as UTF-8, or null for a lone surrogate.</summary>
    private static string? EscapeNonAscii(string url)
    {
        if (Ascii.IsValid(url))
        {
            return url;
        }

        var builder = new StringBuilder(url.Length + 16);
        Span<byte> utf8 = stackalloc byte[4];
        var rest = url.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var consumed) != OperationStatus.Done)
            {
                return null; // a lone surrogate: no URL a browser could have produced
            }

            if (rune.IsAscii)
            {
                builder.Append((char)rune.Value);
            }
            else
            {
                var length = rune.EncodeToUtf8(utf8);
                foreach (var b in utf8[..length])
                {
                    builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            rest = rest[consumed..];
        }

        return builder.ToString();
    }
}
