using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Teacher.Hypotheses;
using SelfLearn.Domain.Teacher.Online;
using SelfLearn.Domain.Teacher.Verdicts;

namespace SelfLearn.Domain.Tests.Teacher.Online;

public sealed class ObserveOnlineOutcomeTests
{
    private const string Abstention = "answer.abstention_rate";
    private static readonly DateTimeOffset At = new(2026, 11, 29, 12, 0, 30, TimeSpan.Zero);
    private static readonly ObservationSettings Settings = new(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(1), 5);
    private static readonly ObservedActivation Activation = new("default", 4, 2, 1, At, new ChangeLinks(ExperimentId: "exp-1", VerdictId: "v-1", CycleId: "c-1"));
    private static readonly DateTimeOffset Later = At.AddMinutes(10);

    public static MetricComparison Compared(string metric, double delta, double? relative, string segment = "all") =>
        new(metric, segment, MetricRole.Primary, ComparisonTest.WelchT, 100, 100, 0.3, 0.3 + delta, null, null, delta, null, relative, null, null, null,
            0.01, 0.01, Significance.Better, true, null);

    private static WindowFigure Figure(int version, DateTimeOffset start, long n, double total, string metric = Abstention) =>
        new("default", version, "", "", start, metric, n, total, total);

    /// <summary>
    /// The activation is at 12:00:30; windows are a minute. Before: version 1's complete windows from 11:50:30 on (11:51 … 11:59);
    /// after: version 2's windows from 12:00:30 to 12:10:30 (12:01 … 12:10). The 12:00 window holds both and counts on neither side.
    /// </summary>
    private static readonly IReadOnlyList<WindowFigure> Figures =
    [
        Figure(1, At.AddSeconds(-630), 100, 100), // 11:50: before the span
        Figure(1, At.AddSeconds(-150), 10, 2),   // 11:58
        Figure(1, At.AddSeconds(-90), 10, 4),    // 11:59
        Figure(1, At.AddSeconds(-30), 50, 50),   // 12:00: the activation's own window
        Figure(2, At.AddSeconds(-30), 50, 50),
        Figure(2, At.AddSeconds(30), 10, 1),     // 12:01
        Figure(2, At.AddSeconds(270), 10, 1),    // 12:05
        Figure(2, At.AddSeconds(630), 10, 10),   // 12:11: after the span
        Figure(2, At.AddSeconds(30), 3, 3000, "latency.total_ms"), // too few runs after
        Figure(1, At.AddSeconds(-90), 30, 3000, "latency.total_ms"),
    ];

    [Fact]
    public void The_prediction_is_set_against_the_previous_versions_windows_before_and_the_new_ones_after()
    {
        var (observed, reason) = ObserveOnlineOutcome.Decide(null, Activation,
            [Compared(Abstention, -0.15, -0.5), Compared(Abstention, 0.2, 0.4, "kind:temporal"), Compared("latency.total_ms", 5, 0.05)],
            Figures, [], Settings, Later);

        Assert.Null(reason);
        var metric = Assert.Single(observed!.Metrics);
        Assert.Equal(new PredictedMetric(Abstention, -0.15, -0.5, 20, 0.3, 20, 0.1), metric);
        Assert.Equal(-0.2, metric.ObservedDelta, 12);
        Assert.Equal(-0.2 / 0.3, metric.ObservedRelative!.Value, 12);
        Assert.True(metric.DirectionAgrees);
        Assert.Equal((4, 2, 1, "exp-1", "v-1", "c-1", 10), (observed.Activation, observed.ConfigVersion, observed.PreviousVersion, observed.ExperimentId,
            observed.VerdictId, observed.CycleId, observed.SpanMinutes));
        Assert.Equal(new RunningAgreement(1, 1, 1, null), observed.Running);
    }

    [Fact]
    public void The_running_agreement_counts_every_earlier_pair_and_correlates_the_relative_changes()
    {
        PredictedMetric[] earlier =
        [
            new("error.rate", 0.1, 0.1, 50, 1, 50, 1.2),       // observed +20 %: agrees
            new("tokens.in", -0.1, -0.2, 50, 1, 50, 1.1),      // observed +10 %: disagrees
        ];

        var (observed, _) = ObserveOnlineOutcome.Decide(null, Activation, [Compared(Abstention, -0.15, -0.5)], Figures, earlier, Settings, Later);

        double[] x = [0.1, -0.2, -0.5], y = [0.2, 0.1, -0.2 / 0.3];
        var (mx, my) = (x.Average(), y.Average());
        var r = x.Zip(y).Sum(p => (p.First - mx) * (p.Second - my)) / Math.Sqrt(x.Sum(v => (v - mx) * (v - mx)) * y.Sum(v => (v - my) * (v - my)));
        Assert.Equal(3, observed!.Running.Pairs);
        Assert.Equal(2, observed.Running.Agreeing);
        Assert.Equal(2 / 3.0, observed.Running.DirectionAgreement!.Value, 12);
        Assert.Equal(r, observed.Running.Correlation!.Value, 12);
    }

    [Fact]
    public void Nothing_is_observed_without_a_verdict_before_the_span_has_passed_twice_or_without_enough_live_runs()
    {
        IReadOnlyList<MetricComparison> predicted = [Compared(Abstention, -0.15, -0.5)];

        Assert.Contains("did not come from an offline verdict",
            ObserveOnlineOutcome.Decide(null, Activation with { Links = ChangeLinks.None }, predicted, Figures, [], Settings, Later).Reason, StringComparison.Ordinal);
        Assert.Contains("once its version has run for 10 minutes",
            ObserveOnlineOutcome.Decide(null, Activation, predicted, Figures, [], Settings, Later.AddTicks(-1)).Reason, StringComparison.Ordinal);
        Assert.Contains("already observed",
            ObserveOnlineOutcome.Decide(new OnlineValidity([4]), Activation, predicted, Figures, [], Settings, Later).Reason, StringComparison.Ordinal);
        Assert.Contains("has 21 live runs on both sides",
            ObserveOnlineOutcome.Decide(null, Activation, predicted, Figures, [], Settings with { MinSamples = 21 }, Later).Reason, StringComparison.Ordinal);
        Assert.Contains("is not recorded",
            ObserveOnlineOutcome.Decide(null, Activation, null, Figures, [], Settings, Later).Reason, StringComparison.Ordinal);
    }
}
