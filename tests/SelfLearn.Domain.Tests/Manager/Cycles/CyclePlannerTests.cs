using SelfLearn.Domain.Manager.Cycles;
using SelfLearn.Domain.Tuner;
using static SelfLearn.Domain.Tests.Manager.Cycles.CycleGiven;
using static SelfLearn.Domain.Tests.TestCatalog;

namespace SelfLearn.Domain.Tests.Manager.Cycles;

public sealed class CyclePlannerTests
{
    private static readonly Dictionary<string, System.Text.Json.JsonElement> Defaults = new(Catalog.Defaults(Default));

    [Fact]
    public void Each_allowed_factor_moves_one_stride_up_then_down_within_its_bounds_capped_by_the_experiment_budget()
    {
        // top_k 5: an integer moves by half its value (2): 7 and 3; neighbor_weight 0.3 in [0, 1]: a tenth of the range, 0.4 and 0.2.
        var (hypotheses, scenarios, notes) = CyclePlanner.Plan(Started("retrieval.top_k", "retrieval.neighbor_weight"), Default, Defaults);

        Assert.Equal(["retrieval.top_k 5 → 7", "retrieval.top_k 5 → 3"],
            hypotheses.Select(h => $"{h.Experiment.Factor} {h.Experiment.From.GetRawText()} → {h.Experiment.To.GetRawText()}"));
        Assert.Equal(["cyc-1-e1", "cyc-1-e2"], hypotheses.Select(h => h.Experiment.ExperimentId));
        Assert.Equal(["cyc-1-h1", "cyc-1-h2"], hypotheses.Select(h => h.Experiment.HypothesisId));
        Assert.Equal(12, scenarios); // 48 dialogs, 2 experiments, 2 variants each
        Assert.Equal(["2 more candidate(s) left for a later cycle: the goal's budget allows 2 experiment(s)."], notes);
        var primary = Assert.Single(hypotheses[0].Experiment.Primary);
        Assert.Equal(("retrieval.delivered_recall", CyclePlanner.MinimumRelativeEffect), (primary.Metric, primary.MinimumEffect));
        Assert.Equal((3, "cyc-1-e1", "cycle-step"), (hypotheses[0].Draft.BaseVersion, hypotheses[0].Draft.ExperimentId, hypotheses[0].Draft.Source.Rule));
    }

    [Fact]
    public void A_value_outside_the_bounds_and_a_factor_the_cycle_cannot_test_are_noted_not_planned()
    {
        var atMinimum = new Dictionary<string, System.Text.Json.JsonElement>(Defaults) { ["retrieval.top_k"] = Number(1) };

        var (hypotheses, _, notes) = CyclePlanner.Plan(Started("retrieval.top_k", "generation.system_prompt_version"), Default, atMinimum);

        Assert.Equal(["retrieval.top_k 1 → 2"], hypotheses.Select(h => $"{h.Experiment.Factor} {h.Experiment.From.GetRawText()} → {h.Experiment.To.GetRawText()}"));
        Assert.Equal(["retrieval.top_k down to 0 is not planned: outside the factor's bounds or step.",
            "generation.system_prompt_version is not planned: only numeric factors in the auto zone are tested by a cycle."], notes);
    }
}
