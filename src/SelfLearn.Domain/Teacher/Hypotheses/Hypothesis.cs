using System.Text.Json;
using System.Text.Json.Serialization;
using SelfLearn.Domain.Teacher.Proposals;

namespace SelfLearn.Domain.Teacher.Hypotheses;

/// <summary>How a hypothesis moves its factor: up or down for numbers, set for anything else.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChangeDirection>))]
public enum ChangeDirection
{
    [JsonStringEnumMemberName("up")] Up,
    [JsonStringEnumMemberName("down")] Down,
    [JsonStringEnumMemberName("set")] Set,
}

public static class HypothesisStatus
{
    /// <summary>Recorded, its values valid for the factor; not tested yet.</summary>
    public const string Proposed = "proposed";

    public static IReadOnlyList<string> All { get; } = [Proposed];
}

/// <summary>What a hypothesis claims: moving one factor to one of <see cref="Values"/> changes the named metrics, and why.</summary>
public sealed record HypothesisDraft(
    string DeploymentId,
    int? BaseVersion,
    string Factor,
    ChangeDirection Direction,
    IReadOnlyList<JsonElement> Values,
    IReadOnlyDictionary<string, MetricEffect> ExpectedEffect,
    string Rationale,
    IReadOnlyList<string> Evidence,
    IReadOnlyList<SegmentObservation> Observations,
    ProposalSource Source,
    string? ExperimentId = null);

/// <summary>A hypothesis whose values the Tuner's rules accept for its factor; <see cref="From"/> is the base version's value.</summary>
public sealed record HypothesisProposed(
    string HypothesisId,
    string DeploymentId,
    int BaseVersion,
    string Factor,
    ChangeDirection Direction,
    JsonElement From,
    IReadOnlyList<JsonElement> Values,
    IReadOnlyDictionary<string, MetricEffect> ExpectedEffect,
    string Rationale,
    IReadOnlyList<string> Evidence,
    IReadOnlyList<SegmentObservation> Observations,
    string? ExperimentId,
    ProposalSource Source,
    string By);

public sealed record Hypothesis(
    string Id,
    string HypothesisId,
    string DeploymentId,
    int BaseVersion,
    string Factor,
    ChangeDirection Direction,
    JsonElement From,
    IReadOnlyList<JsonElement> Values,
    IReadOnlyDictionary<string, MetricEffect> ExpectedEffect,
    string Rationale,
    IReadOnlyList<string> Evidence,
    IReadOnlyList<SegmentObservation> Observations,
    string? ExperimentId,
    ProposalSource Source,
    string Status,
    string By,
    DateTimeOffset ProposedAt,
    long Version)
{
    /// <summary>Keyed "hyp:{id}" so a hypothesis stream never collides with a deployment, factor or experiment stream.</summary>
    public static string StreamKey(string hypothesisId) => $"hyp:{hypothesisId}";

    public static Hypothesis Create(HypothesisProposed e, DateTimeOffset at) =>
        new(StreamKey(e.HypothesisId), e.HypothesisId, e.DeploymentId, e.BaseVersion, e.Factor, e.Direction, e.From, e.Values, e.ExpectedEffect,
            e.Rationale, e.Evidence, e.Observations, e.ExperimentId, e.Source, HypothesisStatus.Proposed, e.By, at, 1);
}
