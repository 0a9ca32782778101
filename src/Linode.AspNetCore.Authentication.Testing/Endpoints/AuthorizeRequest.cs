using Microsoft.AspNetCore.Http;

namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>The parameters of an authorize request, from the query (GET) or from the consent form (POST).</summary>
internal sealed record AuthorizeRequest(
    string? ClientId, string? ResponseType, string? RedirectUri, string? State, IReadOnlyList<string> Scopes,
    string? CodeChallenge, string? CodeChallengeMethod, bool TooManyScopes = false)
{
    /// <summary>Reads the parameters. Linode documents <c>scope</c>; its own clients still send <c>scopes</c>: both are accepted.</summary>
    public static AuthorizeRequest From(Func<string, string?> read)
    {
        var scopes = EmulatorScopes.Split(read("scope") ?? read("scopes"), out var tooMany);
        return new(
            read("client_id"), read("response_type"), read("redirect_uri"), read("state"), scopes,
            read("code_challenge"), read("code_challenge_method"), tooMany);
    }

    public static AuthorizeRequest FromQuery(IQueryCollection query) =>
        From(name => query.TryGetValue(name, out var value) ? value.ToString() : null);
}
