using SelfLearn.Domain.Teacher.Hypotheses;
using SelfLearn.Domain.Teacher.Verdicts;

namespace SelfLearn.Domain.Manager.Cycles;

/// <summary>Builds a cycle's <see cref="HypothesisMap"/> from its own record and its goal's cycles (any order, may include itself).</summary>
public static class HypothesisMaps
{
    private sealed record Test(Cycle Cycle, CycleExperiment Experiment);

    public static HypothesisMap Of(Cycle cycle, IReadOnlyList<Cycle> goalCycles)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(goalCycles);
        var words = HypothesisMapWords.For(cycle.Goal.Language);
        List<Cycle> cycles = [.. goalCycles.Where(c => c.GoalId == cycle.GoalId && c.CycleId != cycle.CycleId && c.StartedAt < cycle.StartedAt)
            .OrderBy(c => c.StartedAt), cycle];
        var tests = cycles.SelectMany(c => (c.Experiments ?? []).Where(e => e.Skipped is null).Select(e => new Test(c, e))).ToList();
        var screenedOut = cycles.SelectMany(c => (c.Candidates ?? []).Where(x => x.Outcome == PlanCandidate.Dropped)
            .Select(x => Candidate(c, x, words.Dropped(x, c.Screening))));
        return new HypothesisMap(
            [.. tests.Select(t => Tested(t, words.Tried(t.Cycle, t.Experiment)))],
            [.. tests.Where(t => t.Experiment.Call == VerdictCall.Winner).Select(t => Tested(t, words.Confirmed(Primary(t), ActivatedVersion(t))))],
            [.. tests.Where(t => t.Experiment.Call is not (null or VerdictCall.Winner))
                .Select(t => Tested(t, words.Rejected(t.Experiment.Call!.Value, Primary(t)))), .. screenedOut],
            [.. (cycle.Experiments ?? []).Where(e => e.Skipped is not null).Select(e => Tested(new Test(cycle, e), e.Skipped!)),
                .. (cycle.Candidates ?? []).Where(x => x.Outcome == PlanCandidate.Later).Select(x => Candidate(cycle, x, words.Later(x, cycle.Screening)))],
            cycle.Change is { Kind: CycleChange.Activated, ConfigVersion: { } version } ? [words.NewBase(version, cycle.BaseVersion)] : []);
    }

    /// <summary>The goal's first primary metric on its segment (all examples when none), else the first primary metric measured.</summary>
    private static MetricGain? Primary(Test t)
    {
        var primary = t.Experiment.Metrics.Where(m => m.Role == MetricRole.Primary).ToList();
        var objective = t.Cycle.Goal.Primary.Count > 0 ? t.Cycle.Goal.Primary[0] : null;
        return primary.FirstOrDefault(m => objective is not null && m.Metric == objective.Metric && m.Segment == (objective.Segment ?? PrimaryGain.AllExamples))
            ?? primary.FirstOrDefault();
    }

    private static int? ActivatedVersion(Test t) =>
        t.Cycle.Change is { Kind: CycleChange.Activated, RecommendationId: { } id, ConfigVersion: var version } && t.Experiment.RecommendationIds.Contains(id) ? version : null;

    private static MappedHypothesis Tested(Test t, string why) =>
        new(t.Experiment.Plan.Factor, t.Experiment.Plan.From, t.Experiment.Plan.To, t.Cycle.CycleId, t.Experiment.Plan.HypothesisId,
            t.Experiment.Plan.ExperimentId, t.Experiment.VerdictId, t.Experiment.Call, Primary(t), null, why);

    private static MappedHypothesis Candidate(Cycle cycle, PlanCandidate c, string why) =>
        new(c.Factor, c.From, c.To, cycle.CycleId, null, null, null, null, null, c.Screened, why);
}
