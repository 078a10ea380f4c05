using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Manager.Cycles;
using SelfLearn.Domain.Manager.Goals;
using SelfLearn.Domain.Teacher.Hypotheses;
using SelfLearn.Domain.Teacher.Statistics;
using SelfLearn.Domain.Teacher.Verdicts;
using static SelfLearn.Domain.Tests.TestCatalog;

namespace SelfLearn.Domain.Tests.Manager.Cycles;

/// <summary>
/// The hypothesis map of a goal after a cycle: an earlier cycle's winner (activated) is confirmed, this cycle's loser and
/// the candidate the screen dropped are rejected, the candidate the budget left is next; another goal's cycle is not on it.
/// </summary>
public sealed class HypothesisMapTests
{
    private const string Recall = "retrieval.delivered_recall";
    private const string TopK = "retrieval.top_k";
    private const string MinScore = "retrieval.min_score";

    private static readonly CycleScreening Screening = new("locomo10.json", "abc", ["conv-26"], 40, Recall, 0.45);

    private static MetricGain RecallGain(double baseline, double treatment, double delta, double lower, double upper, double relative, Significance significance) =>
        new(Recall, "all", MetricRole.Primary, baseline, treatment, delta, new ConfidenceInterval(lower, upper, 0.95), relative, null, significance);

    /// <summary>A cycle of <paramref name="goalId"/> on <paramref name="baseVersion"/> testing top_k <paramref name="from"/> → <paramref name="to"/> once.</summary>
    private static Cycle Tested(string cycleId, string goalId, int baseVersion, DateTimeOffset startedAt, string from, string to, VerdictCall call, MetricGain gain,
        IReadOnlyList<PlanCandidate>? candidates, GoalLanguage language = GoalLanguage.English)
    {
        var e = $"{cycleId}-e1";
        var started = Cycle.Create(new CycleStarted(cycleId, goalId, CycleGiven.Goal(TopK, MinScore) with { Language = language }, "default", baseVersion, "meta-user#k"), startedAt);
        IReadOnlyList<string> recommendations = call == VerdictCall.Winner ? [$"rec-{cycleId}"] : [];
        return started.Apply(
            new CyclePlanned(cycleId, [new PlannedExperiment(e, $"{cycleId}-h1", TopK, J(from), J(to), [], [])], 12, [], candidates, candidates is null ? null : Screening),
            new VariantsPrepared(cycleId, e, baseVersion, baseVersion + 1), new ExperimentRan(cycleId, e, $"sim-{e}", "completed"),
            new ExperimentEvaluated(cycleId, e, $"vrd-{e}", call, [], [gain], recommendations),
            new RecommendationsRecorded(cycleId, [.. recommendations.Select(r => new CycleRecommendation(r, e, [new ParameterChange(TopK, J(from), J(to))], gain.RelativeDelta!.Value, []))]),
            call == VerdictCall.Winner
                ? new ChangeActivated(cycleId, $"rec-{cycleId}", baseVersion + 1, [new ParameterChange(TopK, J(from), J(to))], [], null)
                : new NoChange(cycleId, "no experiment produced a ready recommendation."));
    }

    private static readonly Cycle Earlier = Tested("cyc-0", "goal-1", 3, Now.AddHours(-1), "5", "7", VerdictCall.Winner,
        RecallGain(0.4, 0.45, 0.05, 0.02, 0.08, 0.125, Significance.Better), null);

    private static readonly Cycle OtherGoal = Tested("cyc-x", "goal-2", 3, Now.AddHours(-2), "5", "3", VerdictCall.Loser,
        RecallGain(0.4, 0.38, -0.02, -0.03, -0.01, -0.05, Significance.Worse), null);

    private static Cycle This(GoalLanguage language = GoalLanguage.English) => Tested("cyc-1", "goal-1", 4, Now, "7", "10", VerdictCall.Loser,
        RecallGain(0.45, 0.42, -0.03, -0.05, -0.01, -0.0667, Significance.Worse),
        [
            new PlanCandidate(TopK, J("7"), J("10"), 0.46, PlanCandidate.Planned),
            new PlanCandidate(MinScore, J("0.2"), J("0.3"), 0.455, PlanCandidate.Later),
            new PlanCandidate(MinScore, J("0.2"), J("0.1"), null, PlanCandidate.Later),
            new PlanCandidate(TopK, J("7"), J("4"), 0.41, PlanCandidate.Dropped),
        ], language);

    private static (string Factor, string From, string To, string Cycle, string? Hypothesis, string? Experiment, string? Verdict, string Why) Line(MappedHypothesis h) =>
        (h.Factor, h.From.GetRawText(), h.To.GetRawText(), h.CycleId, h.HypothesisId, h.ExperimentId, h.VerdictId, h.Why);

    [Fact]
    public void An_earlier_winner_is_confirmed_this_cycles_loser_and_the_screened_out_candidate_are_rejected_and_the_budgets_leftovers_are_next()
    {
        var map = HypothesisMaps.Of(This(), [OtherGoal, This(), Earlier]);

        Assert.Equal([
            (TopK, "5", "7", "cyc-0", "cyc-0-h1", "cyc-0-e1", "vrd-cyc-0-e1", "tested on base version 3: winner"),
            (TopK, "7", "10", "cyc-1", "cyc-1-h1", "cyc-1-e1", "vrd-cyc-1-e1", "tested on base version 4: loser"),
        ], map.Tried.Select(Line));
        Assert.Equal([
            (TopK, "5", "7", "cyc-0", "cyc-0-h1", "cyc-0-e1", "vrd-cyc-0-e1",
                "winner: retrieval.delivered_recall (all) +12.5%, Δ 0.05 [0.02, 0.08]; activated as version 4"),
        ], map.Confirmed.Select(Line));
        Assert.Equal([
            (TopK, "7", "10", "cyc-1", "cyc-1-h1", "cyc-1-e1", "vrd-cyc-1-e1", "loser: retrieval.delivered_recall (all) -6.67%, Δ -0.03 [-0.05, -0.01]"),
            (TopK, "7", "4", "cyc-1", null, null, null, "dropped before any experiment: screened retrieval.delivered_recall 0.41, base 0.45"),
        ], map.Rejected.Select(Line));
        Assert.Equal([
            (MinScore, "0.2", "0.3", "cyc-1", null, null, null, "left for a later cycle by the experiment budget; screened retrieval.delivered_recall 0.455, base 0.45"),
            (MinScore, "0.2", "0.1", "cyc-1", null, null, null, "left for a later cycle by the experiment budget; not screened"),
        ], map.Next.Select(Line));
        Assert.Equal([0.455, null], map.Next.Select(n => n.Screened));
        Assert.Empty(map.NextNotes); // this cycle changed nothing: the next one plans from the same base version
    }

    [Fact]
    public void The_map_carries_each_tested_hypothesis_call_and_its_primary_gain()
    {
        var map = HypothesisMaps.Of(This(), [Earlier]);

        Assert.Equal([(VerdictCall.Winner, 0.05), (VerdictCall.Loser, -0.03)], map.Tried.Select(t => (t.Call!.Value, t.Primary!.AbsoluteDelta!.Value)));
    }

    [Fact]
    public void An_inline_goals_map_is_its_cycle_alone_and_an_activation_says_the_next_cycle_plans_from_the_new_version()
    {
        var report = CycleReports.Of(Earlier);

        var map = report.HypothesisMap!;
        Assert.Equal(["cyc-0-h1"], map.Tried.Select(t => t.HypothesisId));
        Assert.Equal(["cyc-0-h1"], map.Confirmed.Select(t => t.HypothesisId));
        Assert.Empty(map.Rejected);
        Assert.Empty(map.Next); // the plan recorded no candidates
        Assert.Equal(["version 4 is the new base: the next cycle plans each factor's neighbours again from it, so what was tried on version 3 " +
            "may be tried again (no re-test holds per base version)"], map.NextNotes);
    }

    [Fact]
    public void A_hypothesis_whose_cycle_stopped_before_its_verdict_is_tried_but_neither_confirmed_nor_rejected()
    {
        var stopped = Cycle.Create(new CycleStarted("cyc-s", "goal-1", CycleGiven.Goal(TopK), "default", 3, "meta-user#k"), Now.AddHours(-1))
            .Apply(new CyclePlanned("cyc-s", [new PlannedExperiment("cyc-s-e1", "cyc-s-h1", TopK, J("5"), J("3"), [], [])], 12, []),
                new CycleStopped("cyc-s", "meta-user#k", "enough"));

        var map = HypothesisMaps.Of(This(), [stopped]);

        Assert.Equal(["tested on base version 3: no verdict, the cycle is stopped", "tested on base version 4: loser"], map.Tried.Select(t => t.Why));
        Assert.Equal(["cyc-1-h1", null], map.Rejected.Select(r => r.HypothesisId));
        Assert.Empty(map.Confirmed);
    }

    [Fact]
    public void A_russian_goals_map_gives_its_reasons_in_russian()
    {
        var map = HypothesisMaps.Of(This(GoalLanguage.Russian), [Earlier]);

        Assert.Equal(["проверена на базовой версии 3: winner", "проверена на базовой версии 4: loser"], map.Tried.Select(t => t.Why));
        Assert.Equal(["loser: retrieval.delivered_recall (all) -6.67%, Δ -0.03 [-0.05, -0.01]",
            "отсеяна до эксперимента: на скрининге retrieval.delivered_recall 0.41, у базовой 0.45"], map.Rejected.Select(r => r.Why));
        Assert.Equal(["оставлена на следующий цикл бюджетом экспериментов; на скрининге retrieval.delivered_recall 0.455, у базовой 0.45",
            "оставлена на следующий цикл бюджетом экспериментов; без скрининга"], map.Next.Select(n => n.Why));
    }
}
