using Linode.AspNetCore.Authentication;
using Linode.AspNetCore.Authentication.StackExchangeRedis;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using WebSample;
using WebSample.Deploy;

var builder = WebApplication.CreateBuilder(args);

// Real Linode when a client id is configured (user-secrets, environment, appsettings); otherwise the emulator.
var embeddedEmulator = await EmbeddedLinodeEmulator.StartIfNeededAsync(builder);

SampleTelemetry.AddWhenExporting(builder);
builder.Services.AddControllersWithViews();
builder.Services.AddFrameProtection();

// One instance: keys in a folder, sessions in the cookie. Several instances: set ConnectionStrings:Redis and Redis holds
// the key ring and the sessions, and coordinates token refreshes (see "Running more than one instance" in the README).
// The key ring is encrypted at rest when DataProtection:Certificate:Path names a PFX file (do that in production: a reader
// of Redis, or of the keys folder, could otherwise decrypt the Linode tokens).
var dataProtection = builder.Services.AddDataProtection().SetApplicationName("Linode.WebSample")
    .ProtectKeysWithConfiguredCertificate(builder.Configuration);
if (builder.Configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
{
    builder.Services.AddLinodeRedis(redis).PersistDataProtectionKeys().StoreSessions();
}
else
{
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
        options.Cookie.Name = "WebSample.Auth";
        options.AccessDeniedPath = "/forbidden";
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
    })
    .AddLinode(options =>
    {
        // Everything else (client id and secret, scopes, endpoints) comes from Authentication:Schemes:Linode.
        options.AccessDeniedPath = "/signin-denied";
        options.Events.OnRemoteFailure = SignInFailurePage.RedirectAsync;
        if (embeddedEmulator is not null)
        {
            EmbeddedLinodeEmulator.Configure(options);
        }
    });

// Pages marked [LinodeScope(..., StepUp = true)] ask Linode for a missing scope instead of refusing at once.
builder.Services.AddLinodeStepUpConsent();

// Calls to the Linode API as the signed-in user: the API root is configuration's LinodeApi:BaseAddress (the embedded
// emulator sets it, as do the linode-emulator tool and the Aspire app host), else Linode's.
var apiBaseAddress = builder.Configuration.GetValue<Uri>("LinodeApi:BaseAddress") ?? LinodeApiClientOptions.DefaultBaseAddress;
var apiTimeout = builder.Configuration.GetValue("LinodeApi:Timeout", TimeSpan.FromSeconds(15));
builder.Services.AddHttpClient<WebSample.Services.LinodeInstancesClient>(client => client.Timeout = apiTimeout)
    .AddLinodeUserAccessToken();

// Linode's public catalogue (plans, regions, StackScripts): the same API, no user token.
builder.Services.AddHttpClient<WebSample.Services.LinodeCatalogClient>(client =>
{
    client.BaseAddress = apiBaseAddress;
    client.Timeout = apiTimeout;
});
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<WebSample.Deploy.DeployChoicesCookie>();
builder.Services.AddSingleton<WebSample.Deploy.DeployDecisionProtector>();
builder.Services.AddSingleton<WebSample.Deploy.DeployDecisionLedger>();
builder.Services.AddSingleton<WebSample.Deploy.DeployStackScript>();
builder.Services.AddSingleton<WebSample.Deploy.DeployAccessRelease>();

var app = builder.Build();

app.UseInstanceHeader();
app.UseFrameProtection();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
}

app.UseStatusCodePagesWithReExecute("/error", "?status={0}");
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseDeployAccessRelease();
app.UseAuthorization();
app.MapControllers();
if (embeddedEmulator is not null)
{
    app.Lifetime.ApplicationStarted.Register(() => embeddedEmulator.RegisterCallback(
        app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>(),
        app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<LinodeOptions>>().Get(LinodeDefaults.AuthenticationScheme).CallbackPath));
    app.Lifetime.ApplicationStopping.Register(() => embeddedEmulator.DisposeAsync().AsTask().GetAwaiter().GetResult());
}

app.Run();
