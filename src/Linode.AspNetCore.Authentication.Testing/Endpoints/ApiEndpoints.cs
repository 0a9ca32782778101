using Microsoft.AspNetCore.Http;

namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>
/// The user's side of api.linode.com: <c>GET /v4/profile</c> (any valid token), <c>GET /v4/account</c>
/// (<c>account:read_only</c>) and <c>GET /v4/linode/instances</c> (<c>linodes:read_only</c>); tokens are checked by
/// <see cref="ApiAccess"/> before a handler runs. Creating and deleting instances: <see cref="InstanceEndpoints"/>.
/// </summary>
internal sealed class ApiEndpoints(LinodeEmulator emulator)
{
    public static IResult Profile(LinodeEmulatorApiCall call)
    {
        var user = call.Token!.User;
        return EmulatorResult.Of(context => EmulatorResponses.JsonAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("uid", user.Uid);
            writer.WriteString("username", user.Username);
            writer.WriteString("email", user.Email);
            writer.WriteString("timezone", user.Timezone);
            writer.WriteBoolean("email_notifications", true);
            writer.WriteBoolean("restricted", user.Restricted);
            writer.WriteBoolean("two_factor_auth", user.TwoFactorAuth);
            writer.WriteNull("authorized_keys");
            writer.WriteString("lish_auth_method", "keys_only");
            writer.WriteString("authentication_type", user.AuthenticationType);
            writer.WriteNull("verified_phone_number");
            writer.WriteBoolean("ip_whitelist_enabled", false);
            writer.WriteStartObject("referrals");
            writer.WriteString("code", "871be32f49c1411b14f29f618aaf0c14637fb8d3");
            writer.WriteString("url", "https://www.linode.com/?r=871be32f49c1411b14f29f618aaf0c14637fb8d3");
            writer.WriteNumber("total", 0);
            writer.WriteNumber("completed", 0);
            writer.WriteNumber("pending", 0);
            writer.WriteNumber("credit", 0);
            writer.WriteEndObject();
            writer.WriteString("user_type", user.UserType);
            writer.WriteEndObject();
        }));
    }

    public static IResult Account(LinodeEmulatorApiCall call)
    {
        var user = call.Token!.User;
        return EmulatorResult.Of(context => EmulatorResponses.JsonAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("email", user.Email);
            writer.WriteString("company", "Example Co.");
            writer.WriteString("country", "US");
            writer.WriteNumber("balance", 0);
            writer.WriteString("euuid", "E1AF5EEC-526F-487D-B317EBEB34C87D71");
            writer.WriteEndObject();
        }));
    }

    public IResult Instances(LinodeEmulatorApiCall call)
    {
        var instances = InstanceJson.Snapshot(call.Token!.User);
        return EmulatorResult.Of(context => EmulatorResponses.PageAsync(context, instances, (writer, instance) => InstanceJson.Write(writer, instance, emulator)));
    }
}
