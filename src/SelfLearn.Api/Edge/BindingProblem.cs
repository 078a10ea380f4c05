using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace SelfLearn.Api.Edge;

/// <summary>
/// Says in JSON words what a member should hold when a body does not bind ("'$.zone' must be one of: auto, manual,
/// frozen."), instead of the serializer's message, which names .NET types.
/// </summary>
public static partial class BindingProblem
{
    public static BodyProblem Describe(JsonException error, Type bodyType, JsonSerializerOptions options)
    {
        var path = error.Path ?? "$";
        return ExpectedAt(bodyType, path, options) is { } expected
            ? new(path, $"'{path}' must be {expected}.")
            : new(path, $"'{path}' does not hold what this route expects.");
    }

    private static string? ExpectedAt(Type type, string path, JsonSerializerOptions options)
    {
        foreach (Match segment in Segment().Matches(path))
        {
            var info = options.GetTypeInfo(type);
            if (segment.Groups["index"].Success)
            {
                if (info.Kind != JsonTypeInfoKind.Enumerable)
                    return null;
                type = info.ElementType!;
            }
            else if (info.Kind == JsonTypeInfoKind.Dictionary)
                type = info.ElementType!;
            else if (info.Kind == JsonTypeInfoKind.Object)
            {
                var name = segment.Groups["name"].Success ? segment.Groups["name"].Value : segment.Groups["quoted"].Value;
                var comparison = options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
                if (info.Properties.FirstOrDefault(p => string.Equals(p.Name, name, comparison)) is not { } property)
                    return null;
                type = property.PropertyType;
            }
            else
                return null;
        }
        return Describe(type, options);
    }

    private static string Describe(Type type, JsonSerializerOptions options)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
            return "one of: " + string.Join(", ", type.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Select(f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? f.Name));
        if (type == typeof(string)) return "a string";
        if (type == typeof(bool)) return "true or false";
        if (type == typeof(int)) return Whole(int.MinValue, int.MaxValue);
        if (type == typeof(long)) return Whole(long.MinValue, long.MaxValue);
        if (type == typeof(decimal)) return $"a number within ±{decimal.MaxValue.ToString(CultureInfo.InvariantCulture)}";
        if (type == typeof(double) || type == typeof(float)) return "a finite number";
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime)) return "an ISO-8601 timestamp";
        if (type == typeof(Guid)) return "a UUID";
        if (type == typeof(JsonElement)) return "a JSON value";
        return options.GetTypeInfo(type).Kind switch
        {
            JsonTypeInfoKind.Enumerable => "an array",
            JsonTypeInfoKind.Dictionary or JsonTypeInfoKind.Object => "an object",
            _ => "a value of another kind",
        };
    }

    private static string Whole(long min, long max) =>
        $"a whole number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}";

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<quoted>(?:[^'\\]|\\.)*)'\]|\[(?<index>\d+)\]")]
    private static partial Regex Segment();
}
