using Linode.AspNetCore.Authentication;
#if (redis)
using Linode.AspNetCore.Authentication.StackExchangeRedis;
#endif
using LinodeApp.Components;
using LinodeApp.Services;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
#if (redis)
using Microsoft.AspNetCore.DataProtection;
#endif

var builder = WebApplication.CreateBuilder(args);

//-:cnd:noEmit
#if DEBUG
// No Linode account yet? In Development with no client id configured, Linode is emulated (LinodeDevelopmentEmulator.cs).
await LinodeApp.LinodeDevelopmentEmulator.StartIfNoClientAsync(builder);
#endif
//+:cnd:noEmit

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddCascadingAuthenticationState();

// Interactive components read the user's Linode tokens from a server-side session, never from the browser.
#if (redis)
// Several instances behind a load balancer share sessions, Data Protection keys and token refreshes through Redis;
// without a connection string (one instance, tests), sessions live in memory.
if (builder.Configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
{
    builder.Services.AddDataProtection().SetApplicationName("LinodeApp");
    builder.Services.AddLinodeRedis(redis).PersistDataProtectionKeys().StoreSessions();
}
else
{
    builder.Services.AddDistributedMemoryCache();
}
#else
builder.Services.AddDistributedMemoryCache(); // one instance; the StackExchangeRedis package for several
#endif

builder.Services
    .AddAuthentication(options =>
    {
        options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        options.DefaultChallengeScheme = LinodeDefaults.AuthenticationScheme; // [Authorize] pages sign in with Linode
    })
    .AddCookie()
    .AddLinode() // client id, secret and scopes from Authentication:Schemes:Linode (appsettings.json, user-secrets)
    .AddLinodeDistributedSessions();

// A circuit's Linode calls act for the circuit's user; a session ended anywhere ends the circuit's user.
builder.Services.AddLinodeBlazor();

// The Linode API as the signed-in user: their token, refreshed when due.
builder.Services.AddHttpClient<LinodeInstancesClient>().AddLinodeUserAccessToken();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}

app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

// Sign-in: to Linode's consent page, and back to a page of this app only (another site's address becomes the home page).
app.MapGet("/Account/SignIn", (string? returnUrl) => Results.Challenge(
    new AuthenticationProperties { RedirectUri = Microsoft.AspNetCore.Http.HttpResults.RedirectHttpResult.IsLocalUrl(returnUrl) ? returnUrl : "/" },
    [LinodeDefaults.AuthenticationScheme]));

// Sign-out: a POST with the layout form's anti-forgery token (another site's form gets 400); the session ends on every
// circuit and the Linode token is revoked.
app.MapPost("/Account/SignOut", async (HttpContext context, IAntiforgery antiforgery) =>
{
    if (!await antiforgery.IsRequestValidAsync(context))
    {
        return Results.BadRequest("This sign-out did not come from this app's own form.");
    }

    await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    return Results.LocalRedirect("/");
}).DisableAntiforgery(); // checked above, with an answer of our own

app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();
