namespace WebSample.Deploy;

/// <summary>Runs <see cref="DeployAccessRelease.FollowAsync"/> on every request after authentication, so the token held
/// for a deployment is the one the user's session carries now.</summary>
internal static class DeployAccessReleaseMiddleware
{
    public static IApplicationBuilder UseDeployAccessRelease(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        await context.RequestServices.GetRequiredService<DeployAccessRelease>().FollowAsync(context);
        await next(context);
    });
}
