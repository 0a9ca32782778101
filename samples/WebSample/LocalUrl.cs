namespace WebSample;

/// <summary>Open-redirect guard: only app-local paths are ever used as a return URL.</summary>
public static class LocalUrl
{
    public static string OrHome(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Contains("://", StringComparison.Ordinal)
            ? url
            : "/";
}
