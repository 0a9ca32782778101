using Microsoft.AspNetCore.Http;

namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>
/// Where each built-in endpoint is served: login.linode.com's OAuth endpoints, and api.linode.com's through
/// <see cref="LinodeEmulator.MapApi"/> and <see cref="LinodeEmulator.MapPublicApi"/>, the mechanism a test uses to add its own.
/// </summary>
internal static class BuiltInEndpoints
{
    public static void Map(LinodeEmulator emulator, EmulatorEndpointSource source)
    {
        var authorize = new AuthorizeEndpoint(emulator);
        var token = new TokenEndpoint(emulator);
        var revoke = new RevokeEndpoint(emulator);
        source.Map(new EmulatorRoute(LinodeEmulatorEndpoint.Authorize), "/oauth/authorize", authorize.HandleAsync);
        source.Map(new EmulatorRoute(LinodeEmulatorEndpoint.Token), "/oauth/token", token.HandleAsync);
        source.Map(new EmulatorRoute(LinodeEmulatorEndpoint.Revoke), "/oauth/revoke", revoke.HandleAsync);
        source.Map(new EmulatorRoute(LinodeEmulatorEndpoint.Revoke), "/oauth/token/expire", revoke.HandleAsync);
        source.Map(new EmulatorRoute(LinodeEmulatorEndpoint.Logout), "/logout", context =>
            EmulatorResponses.HtmlAsync(context, StatusCodes.Status200OK, "<!doctype html><title>Logged out</title><p>You are logged out of the Linode emulator.</p>"));

        var api = new ApiEndpoints(emulator);
        var instances = new InstanceEndpoints(emulator);
        var catalog = new CatalogEndpoints(emulator);
        emulator.MapApi(LinodeEmulatorEndpoint.Profile, HttpMethods.Get, "/v4/profile", requiredScope: null, ApiEndpoints.Profile);
        emulator.MapApi(LinodeEmulatorEndpoint.Account, HttpMethods.Get, "/v4/account", "account:read_only", ApiEndpoints.Account);
        emulator.MapApi(LinodeEmulatorEndpoint.LinodeInstances, HttpMethods.Get, "/v4/linode/instances", "linodes:read_only", api.Instances);
        emulator.MapApi(LinodeEmulatorEndpoint.LinodeInstances, HttpMethods.Post, "/v4/linode/instances", "linodes:read_write", instances.Create);
        emulator.MapApi(LinodeEmulatorEndpoint.LinodeInstance, HttpMethods.Get, "/v4/linode/instances/" + RouteIds.Pattern, "linodes:read_only", instances.Read);
        emulator.MapApi(LinodeEmulatorEndpoint.LinodeInstance, HttpMethods.Delete, "/v4/linode/instances/" + RouteIds.Pattern, "linodes:read_write", InstanceEndpoints.Delete);
        emulator.MapPublicApi(LinodeEmulatorEndpoint.Regions, HttpMethods.Get, "/v4/regions", catalog.Regions);
        emulator.MapPublicApi(LinodeEmulatorEndpoint.LinodeTypes, HttpMethods.Get, "/v4/linode/types", catalog.Plans);
        emulator.MapPublicApi(LinodeEmulatorEndpoint.StackScript, HttpMethods.Get, "/v4/linode/stackscripts/" + RouteIds.Pattern, catalog.StackScript);
    }
}
