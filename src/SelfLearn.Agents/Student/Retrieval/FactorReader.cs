using System.Text.Json;

namespace SelfLearn.Agents.Student.Retrieval;

internal sealed class FactorReader(IReadOnlyDictionary<string, JsonElement> parameters)
{
    public double Double(string key) =>
        Value(key) is { ValueKind: JsonValueKind.Number } v && v.TryGetDouble(out var d) && double.IsFinite(d) ? d : throw Wrong(key, "a number");

    public int Int(string key) =>
        Value(key) is { ValueKind: JsonValueKind.Number } v && v.TryGetDecimal(out var d) && d == decimal.Truncate(d) && d is >= int.MinValue and <= int.MaxValue
            ? (int)d
            : throw Wrong(key, "an integer");

    public double Double(string key, double min) =>
        Double(key) is var value && value >= min ? value : throw Wrong(key, $"a number of at least {min}");

    public int Int(string key, int min) =>
        Int(key) is var value && value >= min ? value : throw Wrong(key, $"an integer of at least {min}");

    public bool Bool(string key) => Value(key).ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Wrong(key, "true or false"),
    };

    public FusionMethod Fusion(string key)
    {
        var value = Value(key);
        var name = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return name?.ToUpperInvariant() switch
        {
            "ZSCORE" => FusionMethod.ZScore,
            "MINMAX" => FusionMethod.MinMax,
            "RRF" => FusionMethod.Rrf,
            _ => throw Wrong(key, "\"zscore\", \"minmax\" or \"rrf\""),
        };
    }

    public SecondEmbedder SecondEmbedder(string key)
    {
        var value = Value(key);
        var name = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return name?.ToUpperInvariant() switch
        {
            "NONE" => Retrieval.SecondEmbedder.None,
            "MINILM" => Retrieval.SecondEmbedder.MiniLm,
            _ => throw Wrong(key, "\"none\" or \"minilm\""),
        };
    }

    private JsonElement Value(string key) =>
        parameters.TryGetValue(key, out var value) ? value : throw new ArgumentException($"Retrieval parameter '{key}' is missing.", nameof(parameters));

    private static ArgumentException Wrong(string key, string expected) =>
        new($"Retrieval parameter '{key}' must be {expected}.", "parameters");
}
