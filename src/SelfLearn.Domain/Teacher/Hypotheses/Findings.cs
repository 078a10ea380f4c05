using System.Text.Json.Serialization;
using SelfLearn.Domain.Configuration;

namespace SelfLearn.Domain.Teacher.Hypotheses;

/// <summary>Whether a measured difference from the baseline is statistically significant, and which way for the metric's quality.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Significance>))]
public enum Significance
{
    [JsonStringEnumMemberName("none")] None,
    [JsonStringEnumMemberName("better")] Better,
    [JsonStringEnumMemberName("worse")] Worse,
}

/// <summary>
/// One metric measured on one segment (<c>kind:multi-hop</c>; null for all examples) of a configuration: its value, the
/// baseline's value when there is one, how many examples it rests on, and whether the difference is significant.
/// Verdicts and per-segment failure reports map onto this shape; latency observations carry the p95.
/// </summary>
public sealed record SegmentObservation(
    string Metric,
    string? Segment,
    double Value,
    double? BaselineValue,
    long Count,
    Significance Significance = Significance.None);

[JsonConverter(typeof(JsonStringEnumConverter<VerdictCall>))]
public enum VerdictCall
{
    [JsonStringEnumMemberName("winner")] Winner,
    [JsonStringEnumMemberName("loser")] Loser,
    [JsonStringEnumMemberName("inconclusive")] Inconclusive,
    [JsonStringEnumMemberName("invalid")] Invalid,
}

/// <summary>
/// What a verdict said about one treatment: the changes it made against the baseline (<c>from</c> = baseline value) and
/// its metrics, each with the baseline's value and its significance.
/// </summary>
public sealed record VerdictEvidence(
    string ExperimentId,
    string VerdictId,
    VerdictCall Call,
    IReadOnlyList<ParameterChange> Changes,
    IReadOnlyList<SegmentObservation> Metrics);

/// <summary>
/// What the Teacher's rules read: observations of the deployment's current configuration (with the experiment and
/// verdict they come from, if any) and the verdicts of experiments on it.
/// </summary>
public sealed record Findings(
    string DeploymentId,
    IReadOnlyList<SegmentObservation> Observations,
    IReadOnlyList<VerdictEvidence> Verdicts,
    string? ExperimentId = null,
    string? VerdictId = null);
