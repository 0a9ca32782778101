using System.Text;
using System.Text.Encodings.Web;

namespace Linode.AspNetCore.Authentication.Testing;

/// <summary>The emulator's consent page and error page. Everything interpolated is HTML-encoded.</summary>
internal static class ConsentPage
{
    private const string Style = "body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;color:#1c1e21}" +
        "h1{font-size:1.4rem}.app{color:#02b159}fieldset{border:1px solid #ddd;border-radius:6px;margin:1rem 0}" +
        "button{font-size:1rem;padding:.5rem 1.2rem;margin-right:.5rem;border-radius:4px;border:1px solid #888;cursor:pointer}" +
        "#approve{background:#02b159;color:#fff;border-color:#02b159}.note{color:#666;font-size:.85rem}";

    public static string Render(LinodeEmulatorClient client, AuthorizeRequest request, IEnumerable<LinodeEmulatorUser> users, string antiforgeryToken)
    {
        var html = HtmlEncoder.Default;
        var page = new StringBuilder();
        page.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Authorize ")
            .Append(html.Encode(client.Label)).Append(" — Linode emulator</title><style>").Append(Style).Append("</style></head><body>")
            .Append("<p class=\"note\">Linode emulator (login.linode.com stand-in for local development and tests)</p>")
            .Append("<h1><span class=\"app\">").Append(html.Encode(client.Label)).Append("</span> wants to access your Linode account</h1>")
            .Append("<form method=\"post\" action=\"authorize\">");
        Hidden(page, ConsentAntiforgery.FieldName, antiforgeryToken);
        Hidden(page, "client_id", request.ClientId);
        Hidden(page, "response_type", request.ResponseType);
        Hidden(page, "redirect_uri", request.RedirectUri);
        Hidden(page, "state", request.State);
        Hidden(page, "scope", string.Join(',', request.Scopes));
        Hidden(page, "code_challenge", request.CodeChallenge);
        Hidden(page, "code_challenge_method", request.CodeChallengeMethod);

        page.Append("<fieldset><legend>Requested access</legend>");
        if (request.Scopes.Count == 0)
        {
            page.Append("<p>Your username and email address only.</p>");
        }

        foreach (var scope in request.Scopes)
        {
            page.Append("<label><input type=\"checkbox\" name=\"granted\" checked value=\"").Append(html.Encode(scope)).Append("\"> ")
                .Append(html.Encode(EmulatorScopes.Describe(scope))).Append(" <code>").Append(html.Encode(scope)).Append("</code></label><br>");
        }

        page.Append("</fieldset><fieldset><legend>Sign in as</legend>");
        var first = true;
        foreach (var user in users)
        {
            page.Append("<label><input type=\"radio\" name=\"user\" value=\"").Append(html.Encode(user.Username)).Append('"')
                .Append(first ? " checked" : string.Empty).Append("> ").Append(html.Encode(user.Username))
                .Append(" &lt;").Append(html.Encode(user.Email)).Append("&gt;</label><br>");
            first = false;
        }

        page.Append("</fieldset><button id=\"approve\" name=\"decision\" value=\"approve\">Approve</button>")
            .Append("<button id=\"deny\" name=\"decision\" value=\"deny\">Deny</button></form></body></html>");
        return page.ToString();
    }

    public static string Error(string message) =>
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Linode emulator — error</title><style>" + Style +
        "</style></head><body><h1>Authorization error</h1><p id=\"error\">" + HtmlEncoder.Default.Encode(message) + "</p></body></html>";

    private static void Hidden(StringBuilder page, string name, string? value)
    {
        if (value is not null)
        {
            page.Append("<input type=\"hidden\" name=\"").Append(name).Append("\" value=\"").Append(HtmlEncoder.Default.Encode(value)).Append("\">");
        }
    }
}
