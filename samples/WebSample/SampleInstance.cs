namespace WebSample;

/// <summary>When several instances share Redis (the Aspire app host runs three behind one address), each answer names
/// the instance that gave it: an <c>X-Sample-Instance</c> header (the process id), and the page footer. It shows a sign-in
/// started on one instance completing on another, and a sign-out on one ending the session on all.</summary>
public static class SampleInstance
{
    public const string HeaderName = "X-Sample-Instance";

    public static bool IsOneOfSeveral(IConfiguration configuration) => !string.IsNullOrEmpty(configuration.GetConnectionString("Redis"));

    public static IApplicationBuilder UseInstanceHeader(this WebApplication app)
    {
        if (!IsOneOfSeveral(app.Configuration))
        {
            return app;
        }

        var id = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return app.Use((context, next) =>
        {
            context.Response.Headers[HeaderName] = id;
            return next(context);
        });
    }
}
