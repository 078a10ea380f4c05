using SelfLearn.Domain.Experiments;
using SelfLearn.Domain.Teacher.Hypotheses;
using SelfLearn.Domain.Teacher.Metrics;
using SelfLearn.Domain.Teacher.Verdicts;
using static SelfLearn.Domain.Tests.Teacher.Verdicts.VerdictGiven;

namespace SelfLearn.Domain.Tests.Teacher.Verdicts;

/// <summary>
/// Each verdict rule on hand-made aggregates. Expected numbers are published or computed by hand: R
/// <c>t.test(extra ~ group, data = sleep, paired = TRUE)</c> gives mean difference 1.58, p 0.002833, CI (0.7001, 2.4599),
/// paired SE 0.3890 against 0.8491 unpaired; exact McNemar p = 2·P(X ≤ b), X ~ Bin(b + c, ½).
/// </summary>
public sealed class VerdictDeciderTests
{
    private const string Recall = "retrieval.delivered_recall";
    private const string Precision = "retrieval.delivered_precision";
    private const string Hallucination = "answer.hallucination_rate";

    private static TreatmentVerdict Single(VerdictInput input) => Assert.Single(VerdictDecider.Evaluate(input).Treatments);

    private static MetricComparison Metric(TreatmentVerdict verdict, string metric) => verdict.Metrics.Single(m => m.Metric == metric && m.Segment == Segments.All);

    [Fact]
    public void A_significant_improvement_beyond_the_minimum_effect_is_a_winner_with_the_published_paired_t_numbers()
    {
        var verdict = Single(Input(Design([Primary(Recall, 1.0)]), new Values(Recall, SleepGroup1, SleepGroup2)));

        Assert.Equal(VerdictCall.Winner, verdict.Call);
        var recall = Metric(verdict, Recall);
        Assert.Equal(ComparisonTest.PairedT, recall.Test);
        Assert.Equal(1.58, recall.AbsoluteDelta!.Value, 10);
        Assert.Equal(0.002833, recall.P!.Value, 6);
        Assert.Equal(0.002833, recall.AdjustedP!.Value, 6); // one primary: Holm leaves it
        Assert.Equal(0.7001, recall.AbsoluteInterval!.Lower, 4);
        Assert.Equal(2.4599, recall.AbsoluteInterval.Upper, 4);
        Assert.Equal(0.3890, recall.StandardError!.Value, 4);
        Assert.Equal(0.8491, recall.UnpairedStandardError!.Value, 4);
        Assert.Equal(SleepGroup2.Average() / SleepGroup1.Average() - 1, recall.RelativeDelta!.Value, 10);
        Assert.Equal(0.75, recall.BaselineValue!.Value, 12);
        Assert.Equal(2.33, recall.TreatmentValue!.Value, 12);
        Assert.Equal(Significance.Better, recall.Significance);
        Assert.Empty(verdict.BreachedGuards);
    }

    [Fact]
    public void A_significant_improvement_below_the_minimum_effect_is_inconclusive()
    {
        var verdict = Single(Input(Design([Primary(Recall, 2.0)]), new Values(Recall, SleepGroup1, SleepGroup2)));

        Assert.Equal(VerdictCall.Inconclusive, verdict.Call);
        Assert.False(Metric(verdict, Recall).MeetsMinimumEffect);
    }

    [Fact]
    public void A_significantly_worse_primary_is_a_loser()
    {
        var verdict = Single(Input(Design([Primary(Recall, 1.0)]), new Values(Recall, SleepGroup2, SleepGroup1)));

        Assert.Equal(VerdictCall.Loser, verdict.Call);
        Assert.Equal(-1.58, Metric(verdict, Recall).AbsoluteDelta!.Value, 10);
        Assert.Equal(Significance.Worse, Metric(verdict, Recall).Significance);
    }

    [Fact]
    public void A_guard_significantly_worse_beyond_its_limit_is_breached_and_makes_a_loser()
    {
        // precision (higher is better) drops from the sleep group 2 values to group 1: by 1.58 on a mean of 2.33 (67.8 %).
        var design = Design([Primary(Recall, 1.0)], [Guard(Precision, maxRelative: 0.5)]);
        var verdict = Single(Input(design, new Values(Recall, SleepGroup1, SleepGroup2), new Values(Precision, SleepGroup2, SleepGroup1)));

        Assert.Equal(VerdictCall.Loser, verdict.Call);
        var breach = Assert.Single(verdict.BreachedGuards);
        Assert.Equal((Precision, "maxRelativeDegradation", 0.5), (breach.Metric, breach.Limit, breach.LimitValue));
        Assert.Equal(1.58 / 2.33, breach.Observed, 10);
    }

    [Fact]
    public void A_guard_worse_within_its_limit_is_not_breached()
    {
        var design = Design([Primary(Recall, 1.0)], [Guard(Precision, maxRelative: 0.7)]);
        var verdict = Single(Input(design, new Values(Recall, SleepGroup1, SleepGroup2), new Values(Precision, SleepGroup2, SleepGroup1)));

        Assert.Equal(VerdictCall.Winner, verdict.Call);
        Assert.Empty(verdict.BreachedGuards);
        Assert.Equal(Significance.Worse, Metric(verdict, Precision).Significance);
    }

    [Fact]
    public void A_hallucination_goal_always_guards_wrong_abstentions_and_abstaining_more_is_a_loser()
    {
        // 60 examples: hallucinated 20 → 5 (b = 16 only the baseline, c = 1 only the treatment: exact p = 2·18/2^17);
        // wrong abstentions 0 → 10 (c = 10, b = 0: exact p = 2/2^10), +0.1667 > the default limit 0.02.
        var design = Design([Primary(Hallucination, 0.05)]);
        var input = Input(design,
            new Values(Hallucination, Binary(60, Range(0, 20)), Binary(60, [.. Range(0, 4), 30])),
            new Values(VerdictSettings.WrongAbstention, Binary(60), Binary(60, Range(40, 10))));

        var result = VerdictDecider.Evaluate(input);

        var goodhart = Assert.Single(result.Guards);
        Assert.Equal(new GuardMetric("answer.wrong_abstention_rate", MetricDirection.LowerIsBetter, null, 0.02, null), goodhart);
        var verdict = Assert.Single(result.Treatments);
        var hallucination = Metric(verdict, Hallucination);
        Assert.Equal(ComparisonTest.McNemar, hallucination.Test);
        Assert.Equal(36.0 / 131072, hallucination.P!.Value, 12);
        Assert.Equal(Significance.Better, hallucination.Significance);
        Assert.Equal(2.0 / 1024, Metric(verdict, VerdictSettings.WrongAbstention).P!.Value, 12);
        Assert.Equal(VerdictCall.Loser, verdict.Call);
        var breach = Assert.Single(verdict.BreachedGuards);
        Assert.Equal(("answer.wrong_abstention_rate", "maxAbsoluteDegradation"), (breach.Metric, breach.Limit));
        Assert.Equal(10.0 / 60, breach.Observed, 12);
    }

    [Fact]
    public void Without_more_wrong_abstentions_the_hallucination_goal_wins()
    {
        var input = Input(Design([Primary(Hallucination, 0.05)]),
            new Values(Hallucination, Binary(60, Range(0, 20)), Binary(60, [.. Range(0, 4), 30])),
            new Values(VerdictSettings.WrongAbstention, Binary(60, 50), Binary(60, 50)));

        Assert.Equal(VerdictCall.Winner, Single(input).Call);
    }

    [Fact]
    public void A_design_that_guards_wrong_abstentions_itself_keeps_its_own_limit()
    {
        var design = Design([Primary(Hallucination, 0.05)], [Guard(VerdictSettings.WrongAbstention, maxAbsolute: 0.5)]);

        Assert.Equal(0.5, Assert.Single(VerdictSettings.GuardsOf(design)).MaxAbsoluteDegradation);
    }

    [Fact]
    public void A_sample_ratio_mismatch_is_invalid_whatever_the_metrics_say()
    {
        // 1000 vs 850 runs at 50/50: χ² = 2·75²/925 = 12.162, p = erfc(√(χ²/2)) = 0.00048769.
        var input = Input(Design([Primary(Recall, 1.0)]), new Values(Recall, SleepGroup1, SleepGroup2));
        input = input with
        {
            PerVariant = [.. input.PerVariant.Select(a => a with { Missing = (a.Variant == "control" ? 1000 : 850) - a.Count })],
        };

        var result = VerdictDecider.Evaluate(input);

        Assert.Equal([1000L, 850L], result.SampleRatio!.Runs);
        Assert.Equal(12.162162, result.SampleRatio.ChiSquare, 5);
        Assert.Equal(0.00048769, result.SampleRatio.P, 7);
        Assert.Equal(VerdictCall.Invalid, Assert.Single(result.Treatments).Call);
    }

    [Fact]
    public void A_ratio_within_chance_is_not_a_mismatch()
    {
        // 1000 vs 880: χ² = 2·60²/940 = 7.660, p = 0.005647 ≥ 0.001.
        var input = Input(Design([Primary(Recall, 1.0)]), new Values(Recall, SleepGroup1, SleepGroup2));
        input = input with
        {
            PerVariant = [.. input.PerVariant.Select(a => a with { Missing = (a.Variant == "control" ? 1000 : 880) - a.Count })],
        };

        var result = VerdictDecider.Evaluate(input);

        Assert.Equal(0.0056472, result.SampleRatio!.P, 6);
        Assert.Equal(VerdictCall.Winner, Assert.Single(result.Treatments).Call);
    }

    [Fact]
    public void Too_few_samples_of_a_primary_metric_is_invalid()
    {
        var input = Input(Design([Primary(Recall, 1.0)]), new Values(Recall, SleepGroup1[..9], SleepGroup2[..9]));

        var verdict = Single(input);

        Assert.Equal(VerdictCall.Invalid, verdict.Call);
        Assert.Null(Metric(verdict, Recall).P);
        Assert.Contains("at least 10 (got 9)", Metric(verdict, Recall).Note);
    }

    [Fact]
    public void Holm_across_two_primaries_turns_two_raw_wins_into_an_inconclusive_verdict()
    {
        // Differences with SD √(20/9) and means 1.15 and 1.10: t = 2.44 and 2.33 on 9 df, raw p between 0.025 and 0.05.
        double[] spread = [2, -2, 1, -1, 0, 1, -2, 2, 0, -1];
        double[] baseline = [.. Enumerable.Range(0, 10).Select(i => (double)i)];
        double[] Shifted(double mean) => [.. baseline.Select((b, i) => b + spread[i] + mean)];
        var values = new[] { new Values(Recall, baseline, Shifted(1.15)), new Values(Precision, baseline, Shifted(1.10)) };

        var both = Single(Input(Design([Primary(Recall, 0.5), Primary(Precision, 0.5)]), values));
        var alone = Single(Input(Design([Primary(Recall, 0.5)]), values));

        var (recall, precision) = (Metric(both, Recall), Metric(both, Precision));
        Assert.InRange(recall.P!.Value, 0.025, 0.05);
        Assert.InRange(precision.P!.Value, 0.025, 0.05);
        Assert.Equal(2 * recall.P.Value, recall.AdjustedP!.Value, 12);                           // smaller p × 2
        Assert.Equal(Math.Max(2 * recall.P.Value, precision.P.Value), precision.AdjustedP!.Value, 12); // larger p × 1, monotone
        Assert.Equal(VerdictCall.Inconclusive, both.Call);
        Assert.Equal(VerdictCall.Winner, alone.Call);
    }

    [Fact]
    public void Side_effects_are_reported_with_their_raw_p_and_do_not_decide()
    {
        var input = Input(Design([Primary(Recall, 1.0)]), new Values(Recall, SleepGroup1, SleepGroup2), new Values("tokens.in", SleepGroup1, SleepGroup2));
        input = input with { SideEffectMetrics = ["tokens.in"] };

        var verdict = Single(input);

        var tokens = Metric(verdict, "tokens.in");
        Assert.Equal((MetricRole.SideEffect, (double?)null), (tokens.Role, tokens.AdjustedP));
        Assert.Equal(Significance.Worse, tokens.Significance); // more tokens, lower is better
        Assert.Equal(VerdictCall.Winner, verdict.Call);
    }

    [Fact]
    public void Recomputing_the_same_input_gives_no_differences_and_a_tampered_sum_names_what_moved()
    {
        var input = Input(Design([Primary(Recall, 1.0)]), new Values(Recall, SleepGroup1, SleepGroup2));
        var stored = VerdictDecider.Evaluate(input);
        var tampered = input with { Paired = [input.Paired[0] with { SumTreatment = input.Paired[0].SumTreatment + 1, SumDiff = input.Paired[0].SumDiff + 1 }] };

        Assert.Empty(VerdictDifferences.Between(stored, VerdictDecider.Evaluate(input)));
        var differences = VerdictDifferences.Between(stored, VerdictDecider.Evaluate(tampered));
        Assert.Contains(differences, d => d.StartsWith("$.treatments[0].metrics[0].treatmentValue: stored 2.329", StringComparison.Ordinal)
                                          && d.Contains("recomputed 2.429", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.StartsWith("$.treatments[0].metrics[0].absoluteDelta: ", StringComparison.Ordinal));
    }
}
