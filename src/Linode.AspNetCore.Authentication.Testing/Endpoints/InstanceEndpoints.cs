using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>
/// Creating, reading and deleting the caller's instances: <c>POST /v4/linode/instances</c> and
/// <c>DELETE /v4/linode/instances/{id}</c> need <c>linodes:read_write</c>, <c>GET /v4/linode/instances/{id}</c>
/// <c>linodes:read_only</c>. A create body is validated by <see cref="InstanceRequestValidation"/> (400 with every field
/// error); a created instance is the user's, in the documentation address range, and moves from <c>provisioning</c> to
/// <c>running</c> on the emulator's clock. Another user's instance, or one that does not exist, is 404 <c>Not found</c>.
/// </summary>
internal sealed class InstanceEndpoints(LinodeEmulator emulator)
{
    private long _nextId = 50_000_000;

    public async Task CreateAsync(HttpContext context, string? body)
    {
        if (await ApiAccess.AuthorizeAsync(emulator, context, "linodes:read_write", HttpMethods.Post) is not { } token)
        {
            return;
        }

        var (request, errors) = InstanceRequestValidation.Validate(body, emulator.Options);
        if (request is null)
        {
            await EmulatorResponses.FieldErrorsAsync(context, StatusCodes.Status400BadRequest, errors);
            return;
        }

        var id = Interlocked.Increment(ref _nextId);
        var instance = new LinodeEmulatorInstance(id, request.Label ?? "linode" + id.ToString(CultureInfo.InvariantCulture), request.Region, request.Type, "provisioning")
        {
            Image = request.Image,
            Ipv4 = ["192.0.2." + ((id % 254) + 1).ToString(CultureInfo.InvariantCulture)],
            Tags = request.Tags,
            StackScriptId = request.StackScript?.Id,
            StackScriptData = request.StackScriptData,
            Created = emulator.Store.Now,
        };
        lock (token.User.Instances)
        {
            if (token.User.Instances.Any(existing => string.Equals(existing.Label, instance.Label, StringComparison.OrdinalIgnoreCase)))
            {
                instance = null;
            }
            else
            {
                token.User.Instances.Add(instance);
            }
        }

        if (instance is null)
        {
            await EmulatorResponses.FieldErrorsAsync(context, StatusCodes.Status400BadRequest, [new EmulatorFieldError("label", "Label must be unique among your linodes")]);
            return;
        }

        await EmulatorResponses.JsonAsync(context, StatusCodes.Status200OK, writer => InstanceJson.Write(writer, instance, emulator));
    }

    public async Task ReadOrDeleteAsync(HttpContext context, long id)
    {
        var delete = HttpMethods.IsDelete(context.Request.Method);
        if (await ApiAccess.AuthorizeAsync(emulator, context, delete ? "linodes:read_write" : "linodes:read_only", HttpMethods.Get, HttpMethods.Delete) is not { } token)
        {
            return;
        }

        LinodeEmulatorInstance? instance;
        lock (token.User.Instances)
        {
            instance = token.User.Instances.FirstOrDefault(candidate => candidate.Id == id);
            if (instance is not null && delete)
            {
                token.User.Instances.Remove(instance);
            }
        }

        if (instance is null)
        {
            await EmulatorResponses.ApiErrorAsync(context, StatusCodes.Status404NotFound, "Not found");
        }
        else if (delete)
        {
            await EmulatorResponses.JsonAsync(context, StatusCodes.Status200OK, writer =>
            {
                writer.WriteStartObject();
                writer.WriteEndObject();
            });
        }
        else
        {
            await EmulatorResponses.JsonAsync(context, StatusCodes.Status200OK, writer => InstanceJson.Write(writer, instance, emulator));
        }
    }
}
