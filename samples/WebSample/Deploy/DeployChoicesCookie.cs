using Microsoft.AspNetCore.DataProtection;

namespace WebSample.Deploy;

/// <summary>
/// Carries the deploy choices across the sign-in at Linode: a cookie protected (encrypted and signed) with Data
/// Protection, valid for 15 minutes, HTTP-only, SameSite=Lax (it must come back with the redirect from Linode), read once.
/// Nothing of it goes to Linode: the authorize URL carries only the OAuth parameters. Only an anti-forgery-checked POST
/// writes it, and it creates nothing by itself: the signed-in user confirms on the next page (a <see cref="DeployDecision"/>).
/// </summary>
public sealed class DeployChoicesCookie(IDataProtectionProvider dataProtection, TimeProvider time)
{
    public const string Name = "WebSample.Deploy";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    private readonly TimeLimitedJson<DeployChoices> _protector = new(dataProtection, time, "WebSample.DeployChoices", Lifetime, DeployChoicesJson.Default.DeployChoices);

    public void Write(HttpResponse response, DeployChoices choices) =>
        response.Cookies.Append(Name, _protector.Protect(choices), Options(response.HttpContext.Request));

    /// <summary>Removes the cookie: the decision was made (confirmed or declined).</summary>
    public void Delete(HttpContext context) => context.Response.Cookies.Delete(Name, Options(context.Request));

    /// <summary>The choices, or null when there are none, or they expired or were tampered with. Reading changes nothing.</summary>
    public DeployChoices? Read(HttpContext context) => _protector.Read(context.Request.Cookies[Name]);

    private static CookieOptions Options(HttpRequest request) => new()
    {
        HttpOnly = true,
        IsEssential = true,
        Secure = request.IsHttps,
        SameSite = SameSiteMode.Lax,
        Path = "/deploy",
        MaxAge = Lifetime,
    };
}
