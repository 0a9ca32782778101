// The C# blocks of src/Linode.AspNetCore.Authentication/PACKAGE.md, compiled here; PackageSnippetTests checks that each
// Markdown block equals its region, so the package's front page cannot show code that does not build.
#pragma warning disable CA1052, CA1812, IDE0051, SA1402 // snippet holders, never run

using System.Text.Encodings.Web;
using Linode.AspNetCore.Authentication;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Linode.AspNetCore.Authentication.Tests.Adoption.Snippets;

internal static class QuickStartSnippets
{
    public static WebApplication QuickStart(string[] args)
    {
        #region quick-start
        var builder = WebApplication.CreateBuilder(args);

        builder.Services
            .AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = LinodeDefaults.AuthenticationScheme;
            })
            .AddCookie()
            .AddLinode(options => options.Scope.Add(LinodeScopes.Linodes.ReadOnly));
        builder.Services.AddAuthorization(); // needed by RequireAuthorization() in a minimal-API app
        builder.Services.AddAntiforgery();   // the sign-out form's token

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapGet("/", (HttpContext context, IAntiforgery antiforgery) =>
        {
            var token = antiforgery.GetAndStoreTokens(context);
            var name = HtmlEncoder.Default.Encode(context.User.Identity!.Name!);
            return Results.Content($"""
                <p>Hello {name}</p>
                <form method="post" action="/signout">
                  <input type="hidden" name="{token.FormFieldName}" value="{token.RequestToken}">
                  <button>Sign out</button>
                </form>
                """, "text/html");
        }).RequireAuthorization();
        app.MapGet("/signin", () => Results.Challenge(new() { RedirectUri = "/" }, [LinodeDefaults.AuthenticationScheme]));
        app.MapPost("/signout", async (HttpContext context, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest(); // not our form: another site cannot sign your users out
            }

            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme); // also revokes the Linode token
            return Results.Redirect("/");
        });

        app.Run();
        #endregion
        return app;
    }
}
