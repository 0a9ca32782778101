namespace Linode.AspNetCore.Authentication.Tests.Security;

/// <summary>The return-URL shapes (tab, CR/LF, NUL, DEL, backslash, encoded forms, <c>//</c>, <c>/\</c>, scheme-relative,
/// absolute http/https/javascript/data, non-ASCII, very long) that the package's and the sample's tests both run.</summary>
public static class ReturnUrlShapes
{


    /// <summary>Return URLs that must never leave the site, nor reach Linode through the step-up API.</summary>
    public static IEnumerable<string> Unsafe()
    {
        var hosts = new[] { "evil.example", "evil.example/path?x=1" };
        foreach (var host in hosts)
        {
            yield return "//" + host;
            yield return "///" + host;
            yield return "/\\" + host;
            yield return "\\\\" + host;
            yield return "\\/" + host;
            yield return "/\t/" + host;
            yield return "/\r/" + host;
            yield return "/\n/" + host;
            yield return "/\r\n/" + host;
            yield return "/\0/" + host;
            yield return "/\u007f/" + host;
            yield return "/\u0085/" + host;
            yield return "/\t\\" + host;
            yield return "\t//" + host;
            yield return " //" + host;
            yield return "http://" + host;
            yield return "https://" + host;
            yield return "HTTPS://" + host;
            yield return "https:" + host;
            yield return "https:/" + host;
            yield return "http:\\\\" + host;
            yield return "ftp://" + host;
            yield return "~//" + host;
            yield return "~/\\" + host;
            yield return host;
        }

        yield return "javascript:alert(1)";
        yield return "JavaScript:alert(document.cookie)";
        yield return "javascript://%0Aalert(1)";
        yield return "data:text/html,<script>alert(1)</script>";
        yield return "vbscript:msgbox(1)";
        yield return "relative/path";
        yield return "../me";
        yield return "?x=1";
        yield return "#top";
        yield return "   ";
        yield return "/me\n";
        yield return "/me\r\nSet-Cookie: a=b";
        yield return "/me\u0000";
        yield return "/\u0001";
        yield return "/\u001b[31m";
        yield return "/\u009f";
        yield return "/" + new string('a', 5000);
        yield return "https://app.test.evil.example/me";
        yield return "https://app.test@evil.example/me";

        // The app's own origin, refused all the same: credentials, control characters, longer than 2048 characters.
        yield return "https://user@app.test/me";
        yield return "https://app.test/me\r\nSet-Cookie: a=b";
        yield return "https://app.test/me\t";
        yield return "https://app.test/" + new string('a', 2032);
    }

    /// <summary>Local return URLs, each with the Location the callback must answer.</summary>
    public static IEnumerable<(string, string)> Local()
    {
        yield return ("/", "/");
        yield return ("/me", "/me");
        yield return ("/me?tab=scopes&x=%20y", "/me?tab=scopes&x=%20y");
        yield return ("/me#top", "/me#top");
        yield return ("/%09%5Cevil.example", "/%09%5Cevil.example");
        yield return ("/%2F%2Fevil.example", "/%2F%2Fevil.example");
        yield return ("/%0A", "/%0A");
        yield return ("/%0B", "/%0B");
        yield return ("/%7F", "/%7F");
        yield return ("/%E2%88%95evil.example", "/%E2%88%95evil.example");
        yield return ("/café", "/caf%C3%A9");
        yield return ("/caf%C3%A9", "/caf%C3%A9");
        yield return ("/\u2215evil.example", "/%E2%88%95evil.example");
        yield return ("/\uff0f\uff0fevil.example", "/%EF%BC%8F%EF%BC%8Fevil.example");
        yield return ("/日本語?q=ü", "/%E6%97%A5%E6%9C%AC%E8%AA%9E?q=%C3%BC");
        yield return ("/\u00a0", "/%C2%A0");
        yield return ("/\u2028", "/%E2%80%A8");
        yield return ("/emoji/\U0001F600", "/emoji/%F0%9F%98%80");
        yield return ("/a b", "/a b");
        yield return ("/me/", "/me/");
        yield return ("/./me", "/./me");
        yield return ("/.well-known/x", "/.well-known/x");
        yield return ("/" + new string('a', 1500), "/" + new string('a', 1500));
        yield return ("~/me", "/me");
        yield return ("~/", "/");
    }

    /// <summary>Absolute URLs of the app's own origin, each with the local part a challenge of the handler keeps.</summary>
    public static IEnumerable<(string, string)> SameOrigin() =>
    [
        ("https://app.test/me?x=1", "/me?x=1"),
        ("https://APP.test/me", "/me"),
        ("https://app.test/caf\u00e9#x", "/caf%C3%A9#x"),
        ("https://app.test/" + new string('a', 2031), "/" + new string('a', 2031)),
    ];

    /// <summary>Strings an HTTP query cannot carry (a lone surrogate is decoded to U+FFFD).</summary>
    public static IEnumerable<string> LoneSurrogates() => ["/\ud800", "/a\udc00b", "/\udfff/x"];
}
