using Microsoft.OpenApi;
using Scalar.AspNetCore;
using SelfLearn.Api.Security;

namespace SelfLearn.Api.Hosting;

/// <summary>The OpenAPI document at /openapi/v1.json and a reference page at /scalar.</summary>
public static class ApiDocsSetup
{
    public static IServiceCollection AddSelfLearnApiDocs(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "SelfLearn API";
                document.Info.Description = $"Send an API key in the {ApiKeyAuthentication.Header} header. See docs/API.md.";
                return Task.CompletedTask;
            });
            // Wolverine documents a 200 for every endpoint returning IResult; a route that creates answers 201 instead.
            options.AddOperationTransformer((operation, _, _) =>
            {
                if (operation.Responses?.ContainsKey("201") == true)
                    operation.Responses.Remove("200");
                return Task.CompletedTask;
            });
        });

    public static void MapSelfLearnApiDocs(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference().AllowAnonymous();
    }
}
