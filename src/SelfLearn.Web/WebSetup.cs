using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using SelfLearn.Web.Api;
using SelfLearn.Web.SignIn;

namespace SelfLearn.Web;

/// <summary>The meta-user's web UI, served by the API's own process at <c>/</c>.</summary>
public static class WebSetup
{
    /// <summary>The API the UI calls: this very process unless <c>Web:ApiBaseUrl</c> names another.</summary>
    public const string ApiBaseUrlSetting = "Web:ApiBaseUrl";

    public static void AddSelfLearnWeb(this WebApplicationBuilder builder)
    {
        // Serves the component library's files from its package when the app runs from its build output, not only in Development.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddMudServices();
        services.AddHttpClient<SelfLearnApi>((sp, http) =>
            http.BaseAddress = new Uri((builder.Configuration[ApiBaseUrlSetting] ?? OwnAddress(sp)).TrimEnd('/') + "/"));
    }

    public static AuthenticationBuilder AddSelfLearnWebSignIn(this AuthenticationBuilder authentication) =>
        authentication.AddCookie(WebSignIn.Scheme, options =>
        {
            options.LoginPath = WebSignIn.SignInPath;
            options.AccessDeniedPath = WebSignIn.SignInPath;
            options.Cookie.Name = "selflearn.web";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
        });

    /// <summary>Requests the UI serves (pages, its circuit, its files) sign in by cookie; the API and the MaaS by key.</summary>
    public static bool IsWebRequest(HttpContext context) =>
        !context.Request.Headers.ContainsKey(WebSignIn.KeyHeader)
        && !(context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/maas")
             || context.Request.Path.StartsWithSegments("/health") || context.Request.Path.StartsWithSegments("/openapi")
             || context.Request.Path.StartsWithSegments("/scalar"));

    public static void MapSelfLearnWeb(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapRawApiLinks();
        app.MapPost(WebSignIn.SignOutPath, async (HttpContext context) =>
        {
            await context.SignOutAsync(WebSignIn.Scheme);
            return Results.LocalRedirect(WebSignIn.SignInPath);
        }).ExcludeFromDescription();
    }

    private static string OwnAddress(IServiceProvider sp)
    {
        var address = sp.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException($"{ApiBaseUrlSetting} is not set and this process serves no HTTP address.");
        // A wildcard listening address (0.0.0.0, [::], +, *) is not one to call: call this machine.
        var uri = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
            uri.Host = "localhost";
        return uri.Uri.ToString();
    }
}
