using SelfLearn.Domain.ImpactFactors;
using SelfLearn.Domain.Teacher.Hypotheses;
using SelfLearn.Domain.Teacher.Proposals;
using static SelfLearn.Domain.Tests.TestCatalog;
using static SelfLearn.Domain.Tests.Teacher.TeacherGiven;

namespace SelfLearn.Domain.Tests.Teacher;

public sealed class HypothesisRulesTests
{
    private static SegmentObservation Seen(string metric, double value, string? segment = null, long count = 120) =>
        new(metric, segment, value, null, count);

    private static IReadOnlyList<HypothesisDraft> Propose(
        ProposalBase proposalBase, IReadOnlyDictionary<string, ImpactFactor>? catalog = null, IReadOnlyList<VerdictEvidence>? verdicts = null,
        params SegmentObservation[] observations) =>
        HypothesisRules.Propose(new Findings("default", observations, verdicts ?? [], "exp-a", "verdict-1"), proposalBase, catalog ?? Default,
            ProposalRuleSettings.Default);

    /// <summary>Each draft as "rule: factor direction values".</summary>
    private static string[] Summary(IEnumerable<HypothesisDraft> drafts) =>
        [.. drafts.Select(d => $"{d.Source.Rule}: {d.Factor} {d.Direction.ToString().ToLowerInvariant()} {string.Join(",", d.Values.Select(v => v.GetRawText()))}")];

    private static readonly SegmentObservation LowMultiHop = Seen("retrieval.delivered_recall", 0.41, "kind:multi-hop");

    [Fact]
    public void Low_multi_hop_recall_proposes_more_neighbour_weight_and_a_larger_top_k()
    {
        // Defaults: neighbor_weight 0.3 + 0.1, top_k 5 + 2.
        var drafts = Propose(Base(), observations: LowMultiHop);

        Assert.Equal(["low-multi-hop-recall: retrieval.neighbor_weight up 0.4", "low-multi-hop-recall: retrieval.top_k up 7"], Summary(drafts));
        Assert.All(drafts, d => Assert.Equal(["exp-a", "verdict-1"], d.Evidence));
        Assert.All(drafts, d => Assert.Equal(LowMultiHop, Assert.Single(d.Observations)));
        Assert.All(drafts, d => Assert.Equal(MetricEffect.Up, d.ExpectedEffect["retrieval.delivered_recall"]));
        Assert.All(drafts, d => Assert.Equal((2, "default", "exp-a"), (d.BaseVersion!.Value, d.DeploymentId, d.ExperimentId)));
    }

    [Theory]
    [InlineData(0.6, 120)]
    [InlineData(0.41, 29)]
    public void Multi_hop_recall_at_the_threshold_or_on_too_few_examples_proposes_nothing(double recall, long count) =>
        Assert.Empty(Propose(Base(), observations: Seen("retrieval.delivered_recall", recall, "kind:multi-hop", count)));

    [Fact]
    public void Low_recall_on_another_segment_is_not_a_multi_hop_failure() =>
        Assert.Empty(Propose(Base(), observations: Seen("retrieval.delivered_recall", 0.41, "kind:single-hop")));

    [Fact]
    public void Wrong_abstentions_propose_a_lower_score_threshold()
    {
        var drafts = Propose(Base(("retrieval.min_score", "0.2")), observations: Seen("answer.wrong_abstention_rate", 0.25));

        Assert.Equal(["wrong-abstentions: retrieval.min_score down 0.15"], Summary(drafts));
        Assert.Equal(MetricEffect.Down, drafts[0].ExpectedEffect["answer.wrong_abstention_rate"]);
    }

    [Fact]
    public void A_threshold_already_at_its_minimum_yields_nothing() =>
        Assert.Empty(Propose(Base(), observations: Seen("answer.wrong_abstention_rate", 0.25)));

    [Fact]
    public void Imprecise_context_with_high_recall_proposes_the_seed_s_top_k_3_to_2()
    {
        var drafts = Propose(Base(("retrieval.top_k", "3")), observations: [Seen("retrieval.delivered_precision", 0.2), Seen("retrieval.delivered_recall", 0.9)]);

        Assert.Equal(["imprecise-context: retrieval.top_k down 2"], Summary(drafts));
        Assert.Equal((MetricEffect.Up, MetricEffect.Same),
            (drafts[0].ExpectedEffect["retrieval.delivered_precision"], drafts[0].ExpectedEffect["retrieval.delivered_recall"]));
    }

    [Fact]
    public void Imprecise_context_with_low_recall_is_left_alone() =>
        Assert.Empty(Propose(Base(("retrieval.top_k", "3")), observations: [Seen("retrieval.delivered_precision", 0.2), Seen("retrieval.delivered_recall", 0.7)]));

    [Theory]
    [InlineData("latency.total_ms", 2500)]
    [InlineData("cost.usd", 0.02)]
    [InlineData("tokens.in", 3500)]
    public void Costly_requests_propose_three_quarters_of_the_context_budget(string metric, double value)
    {
        // 2000 × 0.75 = 1500, an integer as the int factor needs.
        Assert.Equal(["costly-context: context.max_tokens down 1500"], Summary(Propose(Base(), observations: Seen(metric, value))));
    }

    [Fact]
    public void A_budget_that_would_fall_below_the_factor_s_minimum_yields_nothing() =>
        Assert.Empty(Propose(Base(("context.max_tokens", "150")), observations: Seen("latency.total_ms", 2500)));

    [Fact]
    public void A_budget_is_rounded_down_onto_the_factor_s_step()
    {
        var catalog = With("context.max_tokens", f => f with { Bounds = new FactorBounds(128, 32000, 64) });
        // 0.75 × 2112 = 1584 = 128 + 22.75 × 64, rounded down to 128 + 22 × 64 = 1536.
        Assert.Equal(["costly-context: context.max_tokens down 1536"],
            Summary(Propose(Base(("context.max_tokens", "2112")), catalog, observations: Seen("tokens.in", 4000))));
    }

    [Fact]
    public void A_value_off_the_factor_s_step_yields_nothing_for_that_factor()
    {
        var catalog = With("retrieval.neighbor_weight", f => f with { Bounds = new FactorBounds(0, 1, 0.25m) });
        Assert.Equal(["low-multi-hop-recall: retrieval.top_k up 7"], Summary(Propose(Base(("retrieval.neighbor_weight", "0.25")), catalog, observations: LowMultiHop)));
    }

    [Fact]
    public void A_value_beyond_the_factor_s_bounds_yields_nothing_for_that_factor() =>
        Assert.Equal(["low-multi-hop-recall: retrieval.neighbor_weight up 0.4"], Summary(Propose(Base(("retrieval.top_k", "49")), observations: LowMultiHop)));

    [Theory]
    [InlineData(FactorZone.Manual)]
    [InlineData(FactorZone.Frozen)]
    public void Factors_outside_the_auto_zone_are_not_proposed(FactorZone zone) =>
        Assert.Equal(["low-multi-hop-recall: retrieval.neighbor_weight up 0.4"],
            Summary(Propose(Base(), With("retrieval.top_k", f => f with { Zone = zone }), observations: LowMultiHop)));

    [Fact]
    public void A_value_a_verdict_already_called_a_loser_is_not_proposed_again()
    {
        var lost = new VerdictEvidence("exp-0", "verdict-0", VerdictCall.Loser, [Change("retrieval.top_k", "5", "7")], []);
        Assert.Equal(["low-multi-hop-recall: retrieval.neighbor_weight up 0.4"], Summary(Propose(Base(), verdicts: [lost], observations: LowMultiHop)));
    }

    [Fact]
    public void Every_draft_the_rules_write_passes_the_hypothesis_decider()
    {
        var observations = new[]
        {
            LowMultiHop, Seen("answer.wrong_abstention_rate", 0.25), Seen("retrieval.delivered_precision", 0.2),
            Seen("retrieval.delivered_recall", 0.9), Seen("latency.total_ms", 2500),
        };
        var overrides = new[] { ("retrieval.top_k", "3"), ("retrieval.min_score", "0.2") };
        var drafts = Propose(Base(overrides), observations: observations);

        Assert.Equal(5, drafts.Count);
        Assert.All(drafts, d => Assert.True(
            ProposeHypothesis.Decide("hyp-x", false, d, OpenedDeployment, Version2(overrides), Default, Runnable, "teacher").Accepted));
    }

    private static Dictionary<string, ImpactFactor> With(string key, Func<ImpactFactor, ImpactFactor> change)
    {
        var catalog = Default.ToDictionary();
        catalog[key] = change(catalog[key]);
        return catalog;
    }
}
