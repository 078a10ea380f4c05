using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
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
        foreach (var (name, min, max) in NumberParameters.GetOrAdd(chain.Method.Method, Find))
        {
            if (!request.Query.TryGetValue(name, out var values))
                continue;
            foreach (var value in values)
                if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
                    return string.Create(CultureInfo.InvariantCulture, $"query parameter '{name}' must be a whole number from {min} to {max}.");
        }
        return null;
    }

    // An endpoint's parameters do not change: read them once per endpoint method, not on every request.
    private static readonly ConcurrentDictionary<MethodInfo, (string Name, long Min, long Max)[]> NumberParameters = new();

    private static (string Name, long Min, long Max)[] Find(MethodInfo method) =>
        [.. method.GetParameters().Where(p => p.Name is not null && WholeNumberRange(p.ParameterType) is not null)
            .Select(p => (p.Name!, WholeNumberRange(p.ParameterType)!.Value.Min, WholeNumberRange(p.ParameterType)!.Value.Max))];

    private static (long Min, long Max)? WholeNumberRange(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(int) => (int.MinValue, int.MaxValue),
        var t when t == typeof(long) => (long.MinValue, long.MaxValue),
        _ => null,
    };
}
