using SelfLearn.Domain.Teacher.Online;
using SelfLearn.Domain.Teacher.Recommendations;

namespace SelfLearn.Domain.Tests.Teacher.Online;

/// <summary>Hand-worked windows of 60 s; the activation at 00:10:30 makes 00:10:00 the first window and 00:09:00 the baseline.</summary>
public sealed class DegradationEvaluatorTests
{
    private const int Base = 60;
    private static readonly DateTimeOffset Midnight = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly WatchedActivation Watched = new("default", 4, 2, 1, At(10, 30));

    private static DateTimeOffset At(int minute, int second = 0) => Midnight.AddMinutes(minute).AddSeconds(second);

    private static WindowFigure Figure(int version, int minute, string metric, long n, double total, string variant = "") =>
        new("default", version, variant == "" ? "" : "exp-1", variant, At(minute), metric, n, total, total);

    private static readonly RollbackCondition ErrorRate = new("error.rate", 0.5, 2) { MinSamples = 10 };

    /// <summary>Baseline 4/100 = 0.04, so the limit is 0.04 × 1.5 = 0.06 (error rate: lower is better).</summary>
    private static readonly WindowFigure[] Windows =
    [
        Figure(1, 9, "error.rate", 100, 4),
        Figure(2, 10, "error.rate", 30, 3, "a"), Figure(2, 10, "error.rate", 20, 2, "b"), // pooled: 5/50 = 0.10, fails
        Figure(2, 11, "error.rate", 40, 1), // 0.025, passes: the streak restarts
        Figure(2, 12, "error.rate", 20, 2), // 0.10, fails: 1
        Figure(2, 13, "error.rate", 5, 5), // 5 samples < 10: skipped
        Figure(2, 14, "error.rate", 30, 3), // 0.10, fails: 2 — fires
        Figure(3, 14, "error.rate", 500, 0), // another version's traffic is not this activation's
        Figure(2, 14, "latency.total_ms", 30, 9000), // another metric
    ];

    [Fact]
    public void Two_failing_windows_in_a_row_fire_and_a_window_with_too_few_samples_neither_breaks_nor_extends_the_streak()
    {
        var result = DegradationEvaluator.Evaluate(new NamedRule("errors", ErrorRate), Watched, Windows, Base, At(15));

        Assert.True(result.Fired);
        Assert.Equal(new BaselineFigure(1, At(9), At(10), 100, 0.04), result.Baseline);
        Assert.Equal(
            [(At(10), 50L, 0.1, WindowOutcome.Failed), (At(11), 40L, 0.025, WindowOutcome.Passed), (At(12), 20L, 0.1, WindowOutcome.Failed),
             (At(13), 5L, 1.0, WindowOutcome.TooFewSamples), (At(14), 30L, 0.1, WindowOutcome.Failed)],
            result.Windows.Select(w => (w.Start, w.N, Math.Round(w.Mean, 9), w.Outcome)));
        Assert.Equal([At(12), At(14)], result.FiringWindows.Select(w => w.Start));
        Assert.All(result.FiringWindows, w => Assert.Equal((0.04, 0.06), (w.Reference!.Value, Math.Round(w.Limit!.Value, 9))));
    }

    [Fact]
    public void A_window_that_has_not_ended_is_not_judged() =>
        Assert.False(DegradationEvaluator.Evaluate(new NamedRule("errors", ErrorRate), Watched, Windows, Base, At(14, 59)).Fired);

    [Fact]
    public void A_baseline_with_too_few_samples_leaves_every_window_unjudged()
    {
        var rule = ErrorRate with { MinSamples = 101 };

        var result = DegradationEvaluator.Evaluate(new NamedRule("errors", rule), Watched, Windows, Base, At(15));

        Assert.False(result.Fired);
        Assert.All(result.Windows, w => Assert.Equal((WindowOutcome.TooFewSamples, (double?)null), (w.Outcome, w.Reference)));
    }

    [Fact]
    public void A_longer_window_pools_its_base_windows()
    {
        // 120 s windows from 00:10: [00:10, 00:12) = (5 + 1) / 90 and [00:12, 00:14) = (2 + 5) / 25; 00:14 has not ended at 00:15.
        var rule = ErrorRate with { WindowSeconds = 120, Windows = 1 };

        var result = DegradationEvaluator.Evaluate(new NamedRule("errors", rule), Watched, Windows, Base, At(15));

        Assert.Equal([(At(10), At(12), 90L, 6.0 / 90), (At(12), At(14), 25L, 7.0 / 25)], result.Windows.Select(w => (w.Start, w.End, w.N, w.Mean)));
        Assert.Equal(new BaselineFigure(1, At(8), At(10), 100, 0.04), result.Baseline);
        Assert.Equal(At(10), Assert.Single(result.FiringWindows).Start); // 0.0667 > 0.06
    }

    [Theory]
    [InlineData(3.2, true)]
    [InlineData(3.5, false)]
    public void An_absolute_limit_on_a_higher_is_better_metric_fails_below_it(double mean, bool fires)
    {
        var rule = new RollbackCondition("feedback.rating", 0, 1) { Comparison = RuleComparison.Absolute, Limit = 3.5, MinSamples = 10 };

        var result = DegradationEvaluator.Evaluate(new NamedRule("stars", rule), Watched, [Figure(2, 10, "feedback.rating", 10, mean * 10)], Base, At(11));

        Assert.Equal(fires, result.Fired);
        Assert.Null(result.Baseline);
        Assert.Equal((3.5, (double?)null), (Assert.Single(result.Windows).Limit!.Value, result.Windows[0].Reference));
    }

    [Theory]
    [InlineData(39, true)]
    [InlineData(41, false)]
    public void A_relative_drop_on_a_higher_is_better_metric_fails_below_the_reference_less_the_share(double usedOf100, bool fires)
    {
        // Baseline 50/100 = 0.5; maxDrop 0.2 → limit 0.4.
        var rule = new RollbackCondition("context.utilization", 0.2, 1) { MinSamples = 10 };
        WindowFigure[] figures = [Figure(1, 9, "context.utilization", 100, 50), Figure(2, 10, "context.utilization", 100, usedOf100)];

        var result = DegradationEvaluator.Evaluate(new NamedRule("use", rule), Watched, figures, Base, At(11));

        Assert.Equal(fires, result.Fired);
        Assert.Equal(0.4, Assert.Single(result.Windows).Limit!.Value, 9);
    }

    [Fact]
    public void The_default_minimum_is_thirty_samples() =>
        Assert.Equal(WindowOutcome.TooFewSamples, Assert.Single(DegradationEvaluator.Evaluate(new NamedRule("errors", new RollbackCondition("error.rate", 0.5, 1)),
            Watched, [Figure(1, 9, "error.rate", 100, 4), Figure(2, 10, "error.rate", 29, 29)], Base, At(11)).Windows).Outcome);
}
