using System.Text.Json;
using SelfLearn.Domain.Teacher.Hypotheses;

namespace SelfLearn.Domain.Manager.Cycles;

/// <summary>
/// One hypothesis on the map: the one-step change and where it was met (the cycle; the hypothesis, experiment and verdict
/// ids when an experiment tested it, null for a candidate none did), what was found (the verdict's call and the goal's
/// first primary metric with its interval, or the offline screen's figure) and why it sits in its group, in the goal's language.
/// </summary>
public sealed record MappedHypothesis(
    string Factor,
    JsonElement From,
    JsonElement To,
    string CycleId,
    string? HypothesisId,
    string? ExperimentId,
    string? VerdictId,
    VerdictCall? Call,
    MetricGain? Primary,
    double? Screened,
    string Why);

/// <summary>
/// What a goal has learnt so far, after a cycle, from that cycle and the goal's earlier cycles (an inline goal: the cycle alone).
/// <see cref="Tried"/>: every hypothesis a cycle planned as an experiment, with its call (the no-re-test rule skips these
/// on the same base version). <see cref="Confirmed"/>: the tried ones called winner. <see cref="Rejected"/>: the tried ones
/// called loser, inconclusive or invalid, then the candidates the offline screen dropped without an experiment. A tried
/// hypothesis without a verdict (its cycle stopped or failed first) is in neither. <see cref="Next"/>: this cycle's
/// experiments skipped when the goal's wall time ran out (with that reason), then the candidates the experiment budget
/// left for later, in the plan's order; <see cref="NextNotes"/>: when this cycle
/// activated a change, that the next cycle plans again from the new version.
/// </summary>
public sealed record HypothesisMap(
    IReadOnlyList<MappedHypothesis> Tried,
    IReadOnlyList<MappedHypothesis> Confirmed,
    IReadOnlyList<MappedHypothesis> Rejected,
    IReadOnlyList<MappedHypothesis> Next,
    IReadOnlyList<string> NextNotes);
