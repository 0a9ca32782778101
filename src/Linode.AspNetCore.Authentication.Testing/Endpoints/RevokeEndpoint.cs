using Microsoft.AspNetCore.Http;

namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>
/// <c>POST /oauth/revoke</c> and the legacy <c>POST /oauth/token/expire</c>: form with <c>client_id</c>,
/// <c>client_secret</c> (private clients, unless <see cref="LinodeEmulatorOptions.RevocationRequiresClientSecret"/> is off)
/// and <c>token</c> (access or refresh; <c>token_type_hint</c> is optional). Revoking either token kills both, and (unless
/// <see cref="LinodeEmulatorOptions.RevocationWithdrawsConsent"/> is off) withdraws the user's earlier consent to the client.
/// Answers 200 <c>{}</c>, also for unknown tokens (RFC 7009).
/// </summary>
internal sealed class RevokeEndpoint
{
    private readonly LinodeEmulator _emulator;

    public RevokeEndpoint(LinodeEmulator emulator) => _emulator = emulator;

    public async Task HandleAsync(HttpContext context)
    {
        if (await EmulatorClientAuthentication.AuthenticatePostAsync(_emulator, context, "POST a form.", _emulator.Options.RevocationRequiresClientSecret) is not var (client, form))
        {
            return;
        }

        if (string.IsNullOrEmpty(form["token"]))
        {
            await EmulatorResponses.OAuthErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_request", "The token is missing.");
            return;
        }

        _emulator.Store.Revoke(form["token"]!, client.ClientId, _emulator.Options.RevocationWithdrawsConsent);
        await EmulatorResponses.JsonAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
        });
    }
}
