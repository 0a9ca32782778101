using Linode.AspNetCore.Authentication;
#if (redis)
using Linode.AspNetCore.Authentication.StackExchangeRedis;
#endif
using LinodeApp.Services;
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

builder.Services.AddRazorPages();
builder.Services
    .AddAuthentication(options =>
    {
        options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        options.DefaultChallengeScheme = LinodeDefaults.AuthenticationScheme; // [Authorize] pages sign in with Linode
    })
    .AddCookie()
    .AddLinode(); // client id, secret and scopes from Authentication:Schemes:Linode (appsettings.json, user-secrets)
#if (redis)

// Several instances behind a load balancer share sessions, Data Protection keys and token refreshes through Redis.
if (builder.Configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
{
    builder.Services.AddDataProtection().SetApplicationName("LinodeApp");
    builder.Services.AddLinodeRedis(redis).PersistDataProtectionKeys().StoreSessions();
}
#endif

// The Linode API as the signed-in user: their token, refreshed when due.
builder.Services.AddHttpClient<LinodeInstancesClient>().AddLinodeUserAccessToken();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
    app.UseHsts();
}

app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();

app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();

app.Run();
