using System.Security.Cryptography;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;

namespace WebSample.Deploy;

/// <summary>
/// One decision of a signed-in user to create one Linode: the choices, the user it is bound to and a random id. The
/// confirmation page carries it in its anti-forgery-checked form, protected (encrypted, signed, valid 15 minutes); the
/// create step accepts it only from the same user and only once (<see cref="DeployDecisionLedger"/>).
/// </summary>
public sealed record DeployDecision(string Id, string UserId, DeployChoices Choices)
{
    public static DeployDecision For(string userId, DeployChoices choices) =>
        new(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), userId, choices);
}

/// <summary>Protects and reads <see cref="DeployDecision"/>s (valid 15 minutes).</summary>
public sealed class DeployDecisionProtector(IDataProtectionProvider dataProtection, TimeProvider time)
    : TimeLimitedJson<DeployDecision>(dataProtection, time, "WebSample.DeployDecision", TimeSpan.FromMinutes(15), DeployDecisionJson.Default.DeployDecision);

/// <summary>Source-generated JSON for the decision.</summary>
[JsonSerializable(typeof(DeployDecision))]
internal sealed partial class DeployDecisionJson : JsonSerializerContext;
