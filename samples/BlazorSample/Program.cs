using BlazorSample.Components;
using BlazorSample.Services;
using Linode.AspNetCore.Authentication;
using Linode.AspNetCore.Authentication.StackExchangeRedis;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using WebSample;

var builder = WebApplication.CreateBuilder(args);

// Real Linode when a client id is configured (user-secrets, environment, appsettings); otherwise the emulator.
var embeddedEmulator = await EmbeddedLinodeEmulator.StartIfNeededAsync(builder);

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddCascadingAuthenticationState();

// Interactive components read the user's Linode tokens from the server-side session, never from the browser: sessions
// live in memory for one instance, in Redis for several (ConnectionStrings:Redis, as in WebSample).
var dataProtection = builder.Services.AddDataProtection().SetApplicationName("Linode.BlazorSample");
if (builder.Configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
{
    builder.Services.AddLinodeRedis(redis).PersistDataProtectionKeys().StoreSessions();
}
else
{
    builder.Services.AddDistributedMemoryCache();
    dataProtection.PersistKeysToFileSystem(new DirectoryInfo(builder.Configuration["DataProtection:KeysPath"] ?? Path.Combine(builder.Environment.ContentRootPath, "keys")));
}

builder.Services
    .AddAuthentication(options =>
    {
        options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        options.DefaultChallengeScheme = LinodeDefaults.AuthenticationScheme;
    })
    .AddCookie(options =>
    {
        options.Cookie.Name = "BlazorSample.Auth";
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
    })
    .AddLinode(options =>
    {
        // Everything else (client id and secret, scopes, endpoints) comes from Authentication:Schemes:Linode.
        if (embeddedEmulator is not null)
        {
            EmbeddedLinodeEmulator.Configure(options);
        }
    })
    .AddLinodeDistributedSessions();

// The circuit's Linode calls act for the circuit's user; a session ended anywhere ends the circuit's user.
builder.Services.AddLinodeBlazor(options => options.RevalidationInterval = builder.Configuration.GetValue("Blazor:RevalidationInterval", TimeSpan.FromSeconds(30)));
builder.Services.AddLinodeStepUpConsent();
builder.Services.AddAuthorization(options => options.AddPolicy("manage-linodes", policy => policy.RequireLinodeScope(LinodeScopes.Linodes.ReadWrite)));

// The API root is configuration's LinodeApi:BaseAddress (the embedded emulator sets it), else Linode's.
builder.Services.AddHttpClient<LinodeInstancesClient>(client => client.Timeout = TimeSpan.FromSeconds(15))
    .AddLinodeUserAccessToken();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}

app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

// Sign-in: a challenge back to a local page only (the platform's rule for return URLs).
app.MapGet("/signin", (string? returnUrl) => Results.Challenge(
    new AuthenticationProperties { RedirectUri = Microsoft.AspNetCore.Http.HttpResults.RedirectHttpResult.IsLocalUrl(returnUrl) ? returnUrl : "/account" },
    [LinodeDefaults.AuthenticationScheme]));

// Step-up from a component: a link here asks Linode for one more scope and comes back to a local page only.
app.MapGet("/stepup", async Task<IResult> (HttpContext context, string? scope, string? returnUrl) =>
{
    if (!LinodeScope.TryParse(scope, out var parsed) || !Microsoft.AspNetCore.Http.HttpResults.RedirectHttpResult.IsLocalUrl(returnUrl))
    {
        return Results.BadRequest("Ask for one Linode scope and come back to a page of this app.");
    }

    await context.ChallengeForScopesAsync([parsed.Value], returnUrl);
    return Results.Empty;
}).RequireAuthorization();

// Sign-out: an anti-forgery POST (the layout's form); signing out revokes the token at Linode and ends the session on
// every instance and in every circuit.
app.MapPost("/signout", async (HttpContext context) =>
{
    await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    return Results.LocalRedirect("/");
}).WithMetadata(new RequireAntiforgeryTokenAttribute());

app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
if (embeddedEmulator is not null)
{
    app.Lifetime.ApplicationStarted.Register(() => embeddedEmulator.RegisterCallback(
        app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>(),
        app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<LinodeOptions>>().Get(LinodeDefaults.AuthenticationScheme).CallbackPath));
    app.Lifetime.ApplicationStopping.Register(() => embeddedEmulator.DisposeAsync().AsTask().GetAwaiter().GetResult());
}

app.Run();
