using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace SelfLearn.Api.Edge;

public static class RequestEdgeSetup
{
    /// <summary>A number is a JSON number: "5" where a number belongs is refused, and the OpenAPI document says so.</summary>
    public static IServiceCollection AddRequestEdge(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);

    /// <summary>Call after authorization (so anonymous callers get 401, not a body check) and before the endpoints.</summary>
    public static WebApplication UseRequestEdge(this WebApplication app)
    {
        var binding = new JsonSerializerOptions(app.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions);
        binding.Converters.Insert(0, new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        app.UseMiddleware<RequestEdgeMiddleware>(binding);
        return app;
    }
}
