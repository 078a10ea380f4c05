using System.Text.Json.Serialization;

namespace SelfLearn.Domain.Teacher.Metrics;

[JsonConverter(typeof(JsonStringEnumConverter<MetricDirection>))]
public enum MetricDirection
{
    [JsonStringEnumMemberName("higher")] HigherIsBetter,
    [JsonStringEnumMemberName("lower")] LowerIsBetter,
}

/// <summary>What a metric cannot be computed without.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MetricNeeds>))]
public enum MetricNeeds
{
    [JsonStringEnumMemberName("nothing")] Nothing,
    [JsonStringEnumMemberName("goldenEvidence")] GoldenEvidence,
    [JsonStringEnumMemberName("goldenAnswer")] GoldenAnswer,
    [JsonStringEnumMemberName("judge")] Judge,
    [JsonStringEnumMemberName("userFeedback")] UserFeedback,
}

/// <summary>How one example's value is shaped, which decides the test: 0/1 outcomes get proportion tests, the rest t-tests or a bootstrap.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MetricOutcome>))]
public enum MetricOutcome
{
    [JsonStringEnumMemberName("binary")] Binary,
    [JsonStringEnumMemberName("continuous")] Continuous,
    [JsonStringEnumMemberName("skewed")] Skewed,
}

/// <summary>
/// One entry of the metric registry (docs/METRICS.md). <c>PerExample</c> metrics have one value per golden example, so
/// paired designs compare the same example under both variants.
/// </summary>
public sealed record MetricDefinition(
    string Name,
    string Formula,
    string Unit,
    MetricDirection Direction,
    MetricNeeds Needs,
    MetricOutcome Outcome,
    bool PerExample);
