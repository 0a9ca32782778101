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

    public IResult Create(LinodeEmulatorApiCall call)
    {
        var token = call.Token!;
        var (request, errors) = InstanceRequestValidation.Validate(call.Body, emulator.Options);
        if (request is null)
        {
            return EmulatorResult.Of(context => EmulatorResponses.FieldErrorsAsync(context, StatusCodes.Status400BadRequest, errors));
        }

        var id = Interlocked.Increment(ref _nextId);
        var created = emulator.Store.Now;
        var instance = new LinodeEmulatorInstance(id, request.Label ?? "linode" + id.ToString(CultureInfo.InvariantCulture), request.Region, request.Type, "provisioning")
        {
            Image = request.Image,
            Ipv4 = ["192.0.2." + ((id % 254) + 1).ToString(CultureInfo.InvariantCulture)],
            Tags = request.Tags,
            StackScriptId = request.StackScript?.Id,
            StackScriptData = request.StackScriptData,
            Created = created,
            Progress = () => LinodeEmulatorInstance.StatusAt(created, emulator.Store.Now, emulator.Options.InstanceProvisioningTime, emulator.Options.InstanceBootTime),
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

        return instance is null
            ? EmulatorResult.Of(context => EmulatorResponses.FieldErrorsAsync(context, StatusCodes.Status400BadRequest, [new EmulatorFieldError("label", "Label must be unique among your linodes")]))
            : Written(instance);
    }

    public IResult Read(LinodeEmulatorApiCall call) => Take(call, remove: false) is { } instance ? Written(instance) : call.Error(StatusCodes.Status404NotFound, "Not found");

    public static IResult Delete(LinodeEmulatorApiCall call) => Take(call, remove: true) is not null
        ? call.Json(new { })
        : call.Error(StatusCodes.Status404NotFound, "Not found");

    /// <summary>The caller's instance with the route's id, removed from the account when <paramref name="remove"/>.</summary>
    private static LinodeEmulatorInstance? Take(LinodeEmulatorApiCall call, bool remove)
    {
        var id = RouteIds.Of(call);
        var instances = call.Token!.User.Instances;
        lock (instances)
        {
            var instance = instances.FirstOrDefault(candidate => candidate.Id == id);
            if (instance is not null && remove)
            {
                instances.Remove(instance);
            }

            return instance;
        }
    }

    private IResult Written(LinodeEmulatorInstance instance) =>
        EmulatorResult.Of(context => EmulatorResponses.JsonAsync(context, StatusCodes.Status200OK, writer => InstanceJson.Write(writer, instance, emulator)));
}
