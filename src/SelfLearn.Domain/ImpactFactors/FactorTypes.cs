using System.Text.Json.Serialization;

namespace SelfLearn.Domain.ImpactFactors;

[JsonConverter(typeof(JsonStringEnumConverter<FactorType>))]
public enum FactorType
{
    [JsonStringEnumMemberName("int")] Int,
    [JsonStringEnumMemberName("float")] Float,
    [JsonStringEnumMemberName("bool")] Bool,
    [JsonStringEnumMemberName("enum")] Enum,
    [JsonStringEnumMemberName("text")] Text,
}

/// <summary>Who may change a factor: the Tuner alone (auto), only with a human approval (manual), nobody (frozen).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FactorZone>))]
public enum FactorZone
{
    [JsonStringEnumMemberName("auto")] Auto,
    [JsonStringEnumMemberName("manual")] Manual,
    [JsonStringEnumMemberName("frozen")] Frozen,
}

public sealed record FactorBounds(
    decimal? Min = null,
    decimal? Max = null,
    decimal? Step = null,
    IReadOnlyList<string>? AllowedValues = null);
