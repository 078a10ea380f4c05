using SelfLearn.Domain.Teacher.Hypotheses;
using SelfLearn.Domain.Teacher.Verdicts;

namespace SelfLearn.Domain.Manager.Cycles;

/// <summary>Builds a cycle's <see cref="HypothesisMap"/> from its own record and its goal's cycles (any order, may include itself).</summary>
public static class HypothesisMaps
{
    public static HypothesisMap Of(Cycle cycle, IReadOnlyList<Cycle> goalCycles)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(goalCycles);
        var words = HypothesisMapWords.For(cycle.Goal.Language);
        List<Cycle> cycles = [.. goalCycles.Where(c => c.GoalId == cycle.GoalId && c.CycleId != cycle.CycleId && c.StartedAt < cycle.StartedAt)
            .OrderBy(c => c.StartedAt), cycle];
        var tried = cycles.SelectMany(c => (c.Experiments ?? []).Select(e => (Cycle: c, Experiment: e))).ToList();
        var dropped = cycles.SelectMany(c => (c.Candidates ?? []).Where(x => x.Outcome == PlanCandidate.Dropped)
            .Select(x => Candidate(c, x, words.Dropped(x, c.Screening))));
        return new HypothesisMap(
            [.. tried.Select(t => Tested(t.Cycle, t.Experiment, words.Tried(t.Cycle, t.Experiment)))],
            [.. tried.Where(t => t.Experiment.Call == VerdictCall.Winner)
                .Select(t => Tested(t.Cycle, t.Experiment, words.Confirmed(Primary(t.Cycle, t.Experiment), ActivatedVersion(t.Cycle, t.Experiment))))],
            [.. tried.Where(t => t.Experiment.Call is { } call && call != VerdictCall.Winner)
                .Select(t => Tested(t.Cycle, t.Experiment, words.Rejected(t.Experiment.Call!.Value, Primary(t.Cycle, t.Experiment)))), .. dropped],
            [.. (cycle.Candidates ?? []).Where(x => x.Outcome == PlanCandidate.Later).Select(x => Candidate(cycle, x, words.Later(x, cycle.Screening)))],
            cycle.Change is { Kind: CycleChange.Activated, ConfigVersion: { } version } ? [words.NewBase(version, cycle.BaseVersion)] : []);
    }

    /// <summary>The goal's first primary metric on its segment (all examples when none), else the first primary metric measured.</summary>
    public static MetricGain? Primary(Cycle cycle, CycleExperiment experiment)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(experiment);
        var primary = experiment.Metrics.Where(m => m.Role == MetricRole.Primary).ToList();
        return cycle.Goal.Primary.Count > 0 && primary.FirstOrDefault(m =>
                m.Metric == cycle.Goal.Primary[0].Metric && m.Segment == (cycle.Goal.Primary[0].Segment ?? PrimaryGain.AllExamples)) is { } objective
            ? objective
            : primary.FirstOrDefault();
    }

    private static int? ActivatedVersion(Cycle cycle, CycleExperiment experiment) =>
        cycle.Change is { Kind: CycleChange.Activated, RecommendationId: { } id } && experiment.RecommendationIds.Contains(id) ? cycle.Change.ConfigVersion : null;

    private static MappedHypothesis Tested(Cycle cycle, CycleExperiment e, string why) =>
        new(e.Plan.Factor, e.Plan.From, e.Plan.To, cycle.CycleId, e.Plan.HypothesisId, e.Plan.ExperimentId, e.VerdictId, e.Call, Primary(cycle, e), null, why);

    private static MappedHypothesis Candidate(Cycle cycle, PlanCandidate c, string why) =>
        new(c.Factor, c.From, c.To, cycle.CycleId, null, null, null, null, null, c.Screened, why);
}
