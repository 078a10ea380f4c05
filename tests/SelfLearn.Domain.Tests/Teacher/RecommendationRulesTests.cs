using SelfLearn.Domain.Teacher.Hypotheses;
using SelfLearn.Domain.Teacher.Proposals;
using SelfLearn.Domain.Teacher.Recommendations;
using static SelfLearn.Domain.Tests.TestCatalog;
using static SelfLearn.Domain.Tests.Teacher.TeacherGiven;

namespace SelfLearn.Domain.Tests.Teacher;

public sealed class RecommendationRulesTests
{
    private static VerdictEvidence Verdict(VerdictCall call, params SegmentObservation[] metrics) =>
        new("exp-topk", "verdict-7", call, [Change("retrieval.top_k", "3", "2")], metrics);

    private static readonly SegmentObservation MorePrecise = new("retrieval.delivered_precision", null, 0.51, 0.42, 300, Significance.Better);
    private static readonly SegmentObservation SameRecall = new("retrieval.delivered_recall", null, 0.80, 0.82, 300);
    private static readonly SegmentObservation Faster = new("latency.total_ms", null, 180, 240, 300, Significance.Better);

    private static IReadOnlyList<RecommendationDraft> Propose(params VerdictEvidence[] verdicts) =>
        RecommendationRules.Propose(new Findings("default", [], verdicts), Base(("retrieval.top_k", "3")), ProposalRuleSettings.Default);

    [Fact]
    public void A_winner_becomes_a_recommendation_to_apply_its_changes()
    {
        var draft = Assert.Single(Propose(Verdict(VerdictCall.Winner, MorePrecise, SameRecall, Faster)));

        Assert.Equal(("updateParams", "retrieval.top_k", "2"), (draft.Action, draft.Changes.Single().Key, draft.Changes.Single().To!.Value.GetRawText()));
        Assert.Equal(new Dictionary<string, MetricEffect>
        {
            ["retrieval.delivered_precision"] = MetricEffect.Up, ["retrieval.delivered_recall"] = MetricEffect.Same, ["latency.total_ms"] = MetricEffect.Down,
        }, draft.ExpectedEffect);
        Assert.Equal([new RollbackCondition("retrieval.delivered_precision", 0.1, 3), new RollbackCondition("latency.total_ms", 0.1, 3)], draft.RollbackConditions);
        Assert.Equal(["exp-topk", "verdict-7"], draft.Evidence);
        Assert.Equal("experiment exp-topk: winner; retrieval.delivered_precision 0.42 → 0.51, latency.total_ms 240 → 180.", draft.Reason);
        Assert.Equal((ProposalOrigin.Rules, "winner-verdict", "exp-topk", 2), (draft.Source.Kind, draft.Source.Rule, draft.ExperimentId, draft.BaseVersion!.Value));
    }

    [Fact]
    public void The_recommendation_passes_the_Tuner_against_the_base_the_experiment_started_from()
    {
        var draft = Propose(Verdict(VerdictCall.Winner, MorePrecise)).Single();
        Assert.True(RecordRecommendation.Decide("rec-1", false, draft, OpenedDeployment, Version2(("retrieval.top_k", "3")), Default, Runnable, "teacher").Accepted);
    }

    [Theory]
    [InlineData(VerdictCall.Loser)]
    [InlineData(VerdictCall.Inconclusive)]
    [InlineData(VerdictCall.Invalid)]
    public void Only_a_winner_is_recommended(VerdictCall call) =>
        Assert.Empty(Propose(Verdict(call, MorePrecise)));

    [Fact]
    public void A_winner_with_no_significant_gain_on_all_examples_is_not_recommended() =>
        Assert.Empty(Propose(Verdict(VerdictCall.Winner, SameRecall, MorePrecise with { Segment = "kind:multi-hop" })));
}
