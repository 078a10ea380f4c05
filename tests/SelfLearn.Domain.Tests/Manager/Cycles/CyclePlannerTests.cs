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
        var (hypotheses, scenarios, notes, _) = CyclePlanner.Plan(Started("retrieval.top_k", "retrieval.neighbor_weight"), Default, Defaults);

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

        var (hypotheses, _, notes, _) = CyclePlanner.Plan(Started("retrieval.top_k", "generation.system_prompt_version"), Default, atMinimum);

        Assert.Equal(["retrieval.top_k 1 → 2"], hypotheses.Select(h => $"{h.Experiment.Factor} {h.Experiment.From.GetRawText()} → {h.Experiment.To.GetRawText()}"));
        Assert.Equal(["retrieval.top_k down to 0 is not planned: outside the factor's bounds or step.",
            "generation.system_prompt_version is not planned: only numeric factors in the auto zone are tested by a cycle."], notes);
    }

    [Fact]
    public void A_screen_drops_the_drafts_worse_than_the_base_ranks_the_rest_best_first_and_leaves_what_the_budget_cannot_take()
    {
        // Drafts in order: top_k 7, top_k 3, neighbor_weight 0.4, neighbor_weight 0.2; budget 2 experiments.
        var cycle = Started("retrieval.top_k", "retrieval.neighbor_weight");
        var draft = CyclePlanner.Draft(cycle, Default, Defaults);
        var screen = new CandidateScreen(new CycleScreening("locomo-dev.json", "abc", ["conv-30"], 105, "retrieval.delivered_recall", 0.5),
            [0.6, 0.4, 0.7, 0.5]);

        var plan = CyclePlanner.Plan(cycle, draft, screen);

        Assert.Equal([("retrieval.neighbor_weight", "0.4", 0.7, "planned"), ("retrieval.top_k", "7", 0.6, "planned"),
                ("retrieval.neighbor_weight", "0.2", 0.5, "later"), ("retrieval.top_k", "3", 0.4, "dropped")],
            plan.Candidates.Select(c => (c.Factor, c.To.GetRawText(), c.Screened!.Value, c.Outcome)));
        Assert.Equal(["cyc-1-h1 retrieval.neighbor_weight 0.4", "cyc-1-h2 retrieval.top_k 7"],
            plan.Hypotheses.Select(h => $"{h.Experiment.HypothesisId} {h.Experiment.Factor} {h.Experiment.To.GetRawText()}"));
        Assert.Equal(["retrieval.top_k 5 → 3 is not planned: it screened worse than the base: retrieval.delivered_recall 0.4 against 0.5 on locomo-dev.json.",
            "1 more candidate(s) left for a later cycle: the goal's budget allows 2 experiment(s)."], plan.Notes);
        Assert.Equal("the goal's budget allows 2 experiment(s).", plan.Candidates[2].Reason);
        Assert.EndsWith("(screened offline on locomo-dev.json: retrieval.delivered_recall 0.7 against the base's 0.5).", plan.Hypotheses[0].Draft.Rationale);
    }

    [Fact]
    public void On_a_lower_is_better_metric_a_smaller_figure_ranks_first_and_an_unscreened_draft_counts_as_no_change()
    {
        var cycle = Started("retrieval.top_k", "retrieval.neighbor_weight");
        var draft = CyclePlanner.Draft(cycle, Default, Defaults);
        var screen = new CandidateScreen(new CycleScreening("d.json", "abc", ["c"], 10, "tokens.in", 400), [500, 300, null, 400]);

        var plan = CyclePlanner.Plan(cycle, draft, screen);

        Assert.Equal(["3 planned", "0.4 planned", "0.2 later", "7 dropped"], plan.Candidates.Select(c => $"{c.To.GetRawText()} {c.Outcome}"));
        Assert.Null(plan.Candidates[1].Screened);
    }

    [Fact]
    public void Without_a_screen_every_draft_is_a_candidate_in_draft_order_and_a_screen_of_the_wrong_length_is_refused()
    {
        var cycle = Started("retrieval.top_k", "retrieval.neighbor_weight");
        var draft = CyclePlanner.Draft(cycle, Default, Defaults);

        var plan = CyclePlanner.Plan(cycle, draft, null);

        Assert.Equal(["7 planned", "3 planned", "0.4 later", "0.2 later"], plan.Candidates.Select(c => $"{c.To.GetRawText()} {c.Outcome}"));
        Assert.All(plan.Candidates, c => Assert.Null(c.Screened));
        Assert.Throws<ArgumentException>(() => CyclePlanner.Plan(cycle, draft, new CandidateScreen(new CycleScreening("d", "s", [], 0, "tokens.in", 1), [1.0])));
    }
}
