using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SelfLearn.Domain.Json;

namespace SelfLearn.Domain.Scenarios;

/// <summary>Where a scenario file is wrong: a JSON path ("$.scenarios[2].questions[0].kind") and what is wrong there.</summary>
public sealed record ScenarioError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>
/// The one serializer of scenario sets: strict on read (unknown or missing members are errors) and stable on write,
/// so the same set always gives the same bytes and the same hash.
/// </summary>
public static class ScenarioJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { WriteWhatTheReaderRequires } },
    };

    public static string Serialize(ScenarioSet set) => JsonSerializer.Serialize(set, Options);

    public static byte[] SerializeToUtf8(ScenarioSet set) => JsonSerializer.SerializeToUtf8Bytes(set, Options);

    /// <summary>Reads and validates; on failure returns the first error and no set.</summary>
    public static (ScenarioSet? Set, ScenarioError? Error) Parse(string json)
    {
        var (set, error) = Read<ScenarioSet>(json, "a scenario set");
        if (set is null)
            return (null, error);
        return ScenarioValidator.Validate(set) is { } invalid ? (null, invalid) : (set, null);
    }

    /// <summary>Reads one scenario as strictly as a set (an author's reply); it is validated inside a set by the caller.</summary>
    public static (Scenario? Scenario, ScenarioError? Error) ParseScenario(string json) => Read<Scenario>(json, "a scenario");

    private static (T? Value, ScenarioError? Error) Read<T>(string json, string what) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options) is { } value
                ? (value, null)
                : (null, new ScenarioError("$", $"holds null, not {what}."));
        }
        catch (JsonException e)
        {
            return (null, new ScenarioError(e.Path ?? "$", Explain<T>(e, json)));
        }
    }

    private static string Explain<T>(JsonException error, string json)
    {
        if (JsonReadErrors.IsSyntax(error))
            return JsonReadErrors.Describe(error, typeof(T), Options, default);
        using var document = JsonDocument.Parse(json);
        return JsonReadErrors.Describe(error, typeof(T), Options, document.RootElement);
    }

    /// <summary>
    /// Nulls are left out, except for members the reader requires (constructor parameters without a default, such as
    /// the set's seed): those are written as null, or a set without a seed would not read back.
    /// </summary>
    private static void WriteWhatTheReaderRequires(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
            if (property.AssociatedParameter is { HasDefaultValue: false })
                property.ShouldSerialize = static (_, _) => true;
    }
}
