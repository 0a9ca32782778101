using Microsoft.AspNetCore.Http;

namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>
/// The public catalogue, answered without a token (a token, if sent, is not checked): <c>GET /v4/regions</c>,
/// <c>GET /v4/linode/types</c> (one page each, Linode's paged shape) and <c>GET /v4/linode/stackscripts/{id}</c> (a public
/// StackScript; a private or unknown one is 404 <c>Not found</c>).
/// </summary>
internal sealed class CatalogEndpoints(LinodeEmulator emulator)
{
    public IResult Regions(LinodeEmulatorApiCall call)
    {
        var regions = emulator.Options.Regions.ToArray();
        return EmulatorResult.Of(context => EmulatorResponses.PageAsync(context, regions, (writer, region) =>
        {
            writer.WriteStartObject();
            writer.WriteString("id", region.Id);
            writer.WriteString("label", region.Label);
            writer.WriteString("country", region.Country);
            writer.WriteString("status", "ok");
            writer.WriteStartArray("capabilities");
            writer.WriteStringValue("Linodes");
            writer.WriteEndArray();
            writer.WriteEndObject();
        }));
    }

    public IResult Plans(LinodeEmulatorApiCall call)
    {
        var plans = emulator.Options.Plans.ToArray();
        return EmulatorResult.Of(context => EmulatorResponses.PageAsync(context, plans, (writer, plan) =>
        {
            writer.WriteStartObject();
            writer.WriteString("id", plan.Id);
            writer.WriteString("label", plan.Label);
            writer.WriteString("class", plan.Class);
            writer.WriteNumber("memory", plan.MemoryMegabytes);
            writer.WriteNumber("disk", plan.DiskMegabytes);
            writer.WriteNumber("vcpus", plan.Vcpus);
            writer.WriteNumber("transfer", 1000);
            writer.WriteStartObject("price");
            writer.WriteNumber("hourly", plan.HourlyPrice);
            writer.WriteNumber("monthly", plan.MonthlyPrice);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }));
    }

    public IResult StackScript(LinodeEmulatorApiCall call)
    {
        var id = RouteIds.Of(call);
        if (emulator.Options.StackScripts.FirstOrDefault(candidate => candidate.Id == id && candidate.IsPublic) is not { } stackScript)
        {
            return call.Error(StatusCodes.Status404NotFound, "Not found");
        }

        return EmulatorResult.Of(context => EmulatorResponses.JsonAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("id", stackScript.Id);
            writer.WriteString("label", stackScript.Label);
            writer.WriteString("username", stackScript.Username);
            writer.WriteString("description", stackScript.Description);
            writer.WriteBoolean("is_public", stackScript.IsPublic);
            writer.WriteBoolean("mine", false);
            writer.WriteString("script", stackScript.Script);
            writer.WriteStartArray("images");
            foreach (var image in stackScript.Images)
            {
                writer.WriteStringValue(image);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("user_defined_fields");
            foreach (var field in stackScript.UserDefinedFields)
            {
                writer.WriteStartObject();
                writer.WriteString("name", field.Name);
                writer.WriteString("label", field.Label);
                if (field.Example is { } example)
                {
                    writer.WriteString("example", example);
                }

                if (field.Default is { } value)
                {
                    writer.WriteString("default", value);
                }

                if (field.OneOf is { } oneOf)
                {
                    writer.WriteString("oneOf", string.Join(',', oneOf));
                }

                if (field.ManyOf is { } manyOf)
                {
                    writer.WriteString("manyOf", string.Join(',', manyOf));
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }));
    }
}
