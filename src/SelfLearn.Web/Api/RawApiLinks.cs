using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SelfLearn.Web.SignIn;

namespace SelfLearn.Web.Api;

/// <summary>
/// The raw JSON behind a figure, for a signed-in browser: <c>GET /raw/api/…</c> reads <c>GET /api/…</c> with the
/// person's own key (a browser sends a cookie, not the key header) and answers what the API answered, refusals
/// included. Reads only: nothing is written through it.
/// </summary>
public static class RawApiLinks
{
    public const string Prefix = "/raw";

    /// <summary>The link a page shows for an API route, e.g. <c>/api/experiments/e1/verdict</c>.</summary>
    public static string To(string apiPath) => Prefix + apiPath;

    public static void MapRawApiLinks(this IEndpointRouteBuilder app) =>
        app.MapGet(Prefix + "/api/{**path}", async (string path, HttpContext context, IHttpClientFactory clients) =>
        {
            var key = context.User.FindFirst(WebSignIn.KeyClaim)?.Value;
            if (key is null)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }
            var http = clients.CreateClient(nameof(SelfLearnApi));
            using var request = new HttpRequestMessage(HttpMethod.Get, $"api/{path}{context.Request.QueryString}");
            request.Headers.Add(WebSignIn.KeyHeader, key);
            using var response = await http.SendAsync(request, context.RequestAborted);
            context.Response.StatusCode = (int)response.StatusCode;
            context.Response.ContentType = response.Content.Headers.ContentType?.ToString() ?? "application/json";
            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        }).RequireAuthorization(policy => policy.AddAuthenticationSchemes(WebSignIn.Scheme).RequireAuthenticatedUser())
          .ExcludeFromDescription();
}
