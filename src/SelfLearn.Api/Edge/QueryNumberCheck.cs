using System.Globalization;
using Wolverine.Http;

namespace SelfLearn.Api.Edge;

/// <summary>
/// A query value an endpoint reads as a whole number must be one. Checked here so the refusal speaks JSON; Wolverine's
/// own would name the parameter's C# type.
/// </summary>
public static class QueryNumberCheck
{
    public static string? FirstProblem(HttpRequest request, Endpoint endpoint)
    {
        if (request.Query.Count == 0 || endpoint.Metadata.GetMetadata<HttpChain>() is not { } chain)
            return null;
        foreach (var parameter in chain.Method.Method.GetParameters())
        {
            if (WholeNumberRange(parameter.ParameterType) is not ({ } min, { } max) || parameter.Name is null || !request.Query.TryGetValue(parameter.Name, out var values))
                continue;
            foreach (var value in values)
                if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
                    return string.Create(CultureInfo.InvariantCulture, $"query parameter '{parameter.Name}' must be a whole number from {min} to {max}.");
        }
        return null;
    }

    private static (long Min, long Max)? WholeNumberRange(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(int) => (int.MinValue, int.MaxValue),
        var t when t == typeof(long) => (long.MinValue, long.MaxValue),
        _ => null,
    };
}
