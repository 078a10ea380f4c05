namespace SelfLearn.Api.Edge;

/// <summary>Route values and query parameters are short, storable text.</summary>
public static class UrlValueCheck
{
    public static string? FirstProblem(HttpRequest request)
    {
        foreach (var (name, value) in request.RouteValues)
            if (value is string text && Problem(text) is { } problem)
                return $"route value '{name}' {problem}.";
        foreach (var (name, values) in request.Query)
        {
            if (Problem(name) is { } badName)
                return $"a query parameter name {badName}.";
            foreach (var value in values)
                if (value is not null && Problem(value) is { } problem)
                    return $"query parameter '{name}' {problem}.";
        }
        return null;
    }

    private static string? Problem(string text) =>
        StorableText.Problem(text) ?? (text.Length > EdgeLimits.MaxUrlValueLength ? $"is longer than {EdgeLimits.MaxUrlValueLength} characters" : null);
}
