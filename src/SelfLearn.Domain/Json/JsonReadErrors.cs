using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace SelfLearn.Domain.Json;

/// <summary>
/// Says in JSON words why a document did not read into a type: what the member at the path must hold, which members
/// are missing, which one is unknown. The serializer's own messages name .NET types, which callers must never see.
/// </summary>
public static partial class JsonReadErrors
{
    /// <summary>The reason, without the path (the caller reports <see cref="JsonException.Path"/> on its own).</summary>
    public static string Describe(JsonException error, Type root, JsonSerializerOptions options, JsonElement document)
    {
        if (IsSyntax(error))
            return FirstSentence(error.Message);
        var path = error.Path ?? "$";
        var (type, unknownMember) = TypeAt(root, path, options);
        if (unknownMember is not null)
            return $"'{unknownMember}' is not a member here.";
        if (type is null)
            return "does not hold what is expected here.";
        var value = ValueAt(document, path);
        if (value is { ValueKind: JsonValueKind.Object } json && Missing(type, json, options) is { Count: > 0 } missing)
            return $"misses required members: {string.Join(", ", missing)}.";
        return value is { ValueKind: JsonValueKind.Null } ? $"must not be null: it is {Expected(type, options)}." : $"must be {Expected(type, options)}.";
    }

    /// <summary>The reader's own exceptions (a subtype, or wrapped by the serializer) are about syntax and name no type.</summary>
    public static bool IsSyntax(JsonException error) => error.GetType() != typeof(JsonException) || error.InnerException is JsonException;

    private static (Type? Type, string? UnknownMember) TypeAt(Type type, string path, JsonSerializerOptions options)
    {
        foreach (Match segment in Segment().Matches(path))
        {
            var info = options.GetTypeInfo(type);
            if (segment.Groups["index"].Success)
            {
                if (info.Kind != JsonTypeInfoKind.Enumerable)
                    return (null, null);
                type = info.ElementType!;
            }
            else if (info.Kind == JsonTypeInfoKind.Dictionary)
                type = info.ElementType!;
            else if (info.Kind == JsonTypeInfoKind.Object)
            {
                var name = Name(segment);
                if (Property(info, name, options) is not { } property)
                    return (null, name);
                type = property.PropertyType;
            }
            else
                return (null, null);
        }
        return (type, null);
    }

    private static JsonElement? ValueAt(JsonElement value, string path)
    {
        foreach (Match segment in Segment().Matches(path))
        {
            if (segment.Groups["index"].Success)
            {
                var index = int.Parse(segment.Groups["index"].Value, CultureInfo.InvariantCulture);
                if (value.ValueKind != JsonValueKind.Array || index >= value.GetArrayLength())
                    return null;
                value = value[index];
            }
            else if (value.ValueKind == JsonValueKind.Object && Member(value, Name(segment)) is { } member)
                value = member;
            else
                return null;
        }
        return value;
    }

    private static JsonElement? Member(JsonElement json, string name) =>
        json.TryGetProperty(name, out var exact) ? exact
        : json.EnumerateObject().Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Select(p => (JsonElement?)p.Value).FirstOrDefault();

    private static List<string> Missing(Type type, JsonElement json, JsonSerializerOptions options)
    {
        var info = options.GetTypeInfo(type);
        if (info.Kind != JsonTypeInfoKind.Object)
            return [];
        var present = json.EnumerateObject().Select(p => p.Name).ToList();
        var comparer = options.PropertyNameCaseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        return [.. info.Properties
            .Where(p => p.IsRequired || (options.RespectRequiredConstructorParameters && p.AssociatedParameter is { HasDefaultValue: false }))
            .Select(p => p.Name)
            .Where(name => !present.Contains(name, comparer))];
    }

    private static JsonPropertyInfo? Property(JsonTypeInfo info, string name, JsonSerializerOptions options) =>
        info.Properties.FirstOrDefault(p => string.Equals(p.Name, name,
            options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal));

    private static string Expected(Type type, JsonSerializerOptions options)
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

    private static string Name(Match segment) =>
        segment.Groups["name"].Success ? segment.Groups["name"].Value : segment.Groups["quoted"].Value;

    /// <summary>Reader messages end with "Path: … | LineNumber: …"; the path is reported on its own.</summary>
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        var first = (cut > 0 ? message[..cut] : message).Trim();
        cut = first.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? first[..cut].Trim() : first;
    }

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<quoted>(?:[^'\\]|\\.)*)'\]|\[(?<index>\d+)\]")]
    private static partial Regex Segment();
}
