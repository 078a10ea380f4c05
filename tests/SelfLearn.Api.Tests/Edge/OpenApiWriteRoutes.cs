using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SelfLearn.Api.Tests.Edge;

/// <summary>A write route as the OpenAPI document lists it, with its route parameters filled and its body's members.</summary>
public sealed record WriteRoute(HttpMethod Method, string Template, string Url, IReadOnlyDictionary<string, JsonObject> Members)
{
    public override string ToString() => $"{Method} {Template}";
}

public static partial class OpenApiWriteRoutes
{
    private static readonly Dictionary<string, string> RouteValues = new(StringComparer.Ordinal)
    {
        ["id"] = "default", ["version"] = "1", ["key"] = "retrieval.top_k", ["userId"] = "fuzz-user",
    };

    public static IReadOnlyList<WriteRoute> From(JsonObject document)
    {
        var schemas = document["components"]?["schemas"]?.AsObject();
        var routes = new List<WriteRoute>();
        foreach (var (template, operations) in document["paths"]!.AsObject())
            foreach (var (method, operation) in operations!.AsObject())
            {
                if (method is not ("post" or "put" or "patch" or "delete"))
                    continue;
                var url = RouteParameter().Replace(template, m => RouteValues.GetValueOrDefault(m.Groups[1].Value, "x"));
                var body = operation?["requestBody"]?["content"]?["application/json"]?["schema"];
                routes.Add(new WriteRoute(new HttpMethod(method.ToUpperInvariant()), template, url, Members(Resolve(body, schemas), schemas)));
            }
        return routes;
    }

    /// <summary>Each member's schema, with a reference to a component (an enum, a nested object) resolved.</summary>
    private static Dictionary<string, JsonObject> Members(JsonNode? schema, JsonObject? schemas)
    {
        var members = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        if (schema?["properties"] is JsonObject properties)
            foreach (var (name, member) in properties)
                members[name] = Resolve(member?["oneOf"]?.AsArray().FirstOrDefault(o => o?["$ref"] is not null) ?? member, schemas) as JsonObject ?? [];
        return members;
    }

    private static JsonNode? Resolve(JsonNode? schema, JsonObject? schemas) =>
        schema?["$ref"]?.GetValue<string>() is { } reference ? schemas?[reference.Split('/')[^1]] : schema;

    [GeneratedRegex(@"\{([^}?:]+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
