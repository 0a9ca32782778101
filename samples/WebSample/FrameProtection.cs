namespace WebSample;

/// <summary>No page of the sample may be shown inside another site's frame (clickjacking on the delete and deploy
/// buttons): every response says so in the header browsers read today (<c>Content-Security-Policy: frame-ancestors
/// 'none'</c>) and in the older one (<c>X-Frame-Options: DENY</c>). Set when the response starts, so error pages and
/// re-executed status pages carry them too; the anti-forgery system's own <c>SAMEORIGIN</c> header is switched off.</summary>
public static class FrameProtection
{
    public static IServiceCollection AddFrameProtection(this IServiceCollection services) =>
        services.AddAntiforgery(options => options.SuppressXFrameOptionsHeader = true);

    public static IApplicationBuilder UseFrameProtection(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            context.Response.Headers.XFrameOptions = "DENY";
            context.Response.Headers.ContentSecurityPolicy = "frame-ancestors 'none'";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
