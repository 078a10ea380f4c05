using System.Text.Json.Serialization;
using SelfLearn.Domain.Teacher.Metrics;
using SelfLearn.Domain.Teacher.Recommendations;

namespace SelfLearn.Domain.Teacher.Online;

[JsonConverter(typeof(JsonStringEnumConverter<WindowOutcome>))]
public enum WindowOutcome
{
    [JsonStringEnumMemberName("failed")] Failed,
    [JsonStringEnumMemberName("passed")] Passed,
    /// <summary>Fewer samples than the rule's minimum (in the window or in the baseline): neither fails nor passes.</summary>
    [JsonStringEnumMemberName("tooFewSamples")] TooFewSamples,
}

/// <summary>One evaluation window of a rule: its samples and mean, what it was compared with, and the outcome.</summary>
public sealed record EvaluatedWindow(DateTimeOffset Start, DateTimeOffset End, long N, double Mean, double? Reference, double? Limit, WindowOutcome Outcome);

/// <summary>The baseline: the active-before version's traffic in the rule's window length right before the activation.</summary>
public sealed record BaselineFigure(int? ConfigVersion, DateTimeOffset Start, DateTimeOffset End, long N, double? Mean);

/// <summary>The activation a rule watches: which version has served since when, and which served before it.</summary>
public sealed record WatchedActivation(string DeploymentId, int Activation, int ConfigVersion, int? BaselineVersion, DateTimeOffset ActiveSince);

/// <summary>What a rule found: every judged window since the activation and, when it fired, the streak that fired it.</summary>
public sealed record RuleEvaluation(
    string Rule,
    RollbackCondition Condition,
    bool Fired,
    BaselineFigure? Baseline,
    IReadOnlyList<EvaluatedWindow> Windows,
    IReadOnlyList<EvaluatedWindow> FiringWindows);

/// <summary>The evidence a rollback (or a pinned version's alert) carries: the rule, the activation, and the figures that fired it.</summary>
public sealed record DegradationEvidence(
    string Rule,
    RollbackCondition Condition,
    int Activation,
    int ConfigVersion,
    DateTimeOffset ActiveSince,
    BaselineFigure? Baseline,
    IReadOnlyList<EvaluatedWindow> Windows)
{
    public static DegradationEvidence Of(RuleEvaluation fired, WatchedActivation activation) =>
        new(fired.Rule, fired.Condition, activation.Activation, activation.ConfigVersion, activation.ActiveSince, fired.Baseline, fired.FiringWindows);
}

/// <summary>
/// Judges one rule over folded windows (docs/DEGRADATION_RULES.md). Windows of the rule's length start at the base window
/// holding the activation; only whole windows that have ended by <c>now</c> are judged, from the active version's figures
/// (every experiment and variant pooled). A window, or a relative rule's baseline, with fewer samples than the minimum
/// is skipped: it neither fails nor passes, so it neither extends nor breaks a streak. The rule fires on the first
/// <see cref="RollbackCondition.Windows"/> judged windows in a row that fail.
/// </summary>
public static class DegradationEvaluator
{
    public static RuleEvaluation Evaluate(NamedRule named, WatchedActivation activation, IReadOnlyList<WindowFigure> figures, int baseWindowSeconds, DateTimeOffset now)
    {
        var rule = named.Rule;
        var higherIsBetter = MetricRegistry.Get(rule.Metric).Direction == MetricDirection.HigherIsBetter;
        var length = TimeSpan.FromSeconds(rule.WindowLength(baseWindowSeconds));
        var firstStart = DateTimeOffset.FromUnixTimeSeconds(activation.ActiveSince.ToUnixTimeSeconds() / baseWindowSeconds * baseWindowSeconds);
        var ofMetric = figures.Where(f => f.Metric == rule.Metric).ToList();

        BaselineFigure? baseline = null;
        double? reference = null, limit = rule.Limit;
        if (rule.EffectiveComparison == RuleComparison.Relative)
        {
            var before = ofMetric.Where(f => f.ConfigVersion == activation.BaselineVersion && f.WindowStart >= firstStart - length && f.WindowStart < firstStart).ToList();
            var (n, total) = (before.Sum(f => f.N), before.Sum(f => f.Total));
            baseline = new BaselineFigure(activation.BaselineVersion, firstStart - length, firstStart, n, n > 0 ? total / n : null);
            if (n >= rule.EffectiveMinSamples)
            {
                reference = baseline.Mean;
                limit = higherIsBetter ? reference * (1 - rule.MaxDrop) : reference * (1 + rule.MaxDrop);
            }
        }

        var windows = ofMetric
            .Where(f => f.ConfigVersion == activation.ConfigVersion && f.WindowStart >= firstStart)
            .GroupBy(f => (f.WindowStart - firstStart).Ticks / length.Ticks)
            .Select(g => (Start: firstStart + length * g.Key, N: g.Sum(f => f.N), Total: g.Sum(f => f.Total)))
            .Where(w => w.Start + length <= now && w.N > 0)
            .OrderBy(w => w.Start)
            .Select(w => Judge(w.Start, w.Start + length, w.N, w.Total / w.N, reference, limit, rule.EffectiveMinSamples, higherIsBetter))
            .ToList();

        var streak = new List<EvaluatedWindow>();
        foreach (var window in windows)
        {
            if (window.Outcome == WindowOutcome.Passed)
                streak.Clear();
            else if (window.Outcome == WindowOutcome.Failed)
                streak.Add(window);
            if (streak.Count == rule.Windows)
                return new RuleEvaluation(named.Name, rule, true, baseline, windows, streak);
        }
        return new RuleEvaluation(named.Name, rule, false, baseline, windows, []);
    }

    private static EvaluatedWindow Judge(
        DateTimeOffset start, DateTimeOffset end, long n, double mean, double? reference, double? limit, int minSamples, bool higherIsBetter)
    {
        if (n < minSamples || limit is not { } bound)
            return new EvaluatedWindow(start, end, n, mean, reference, limit, WindowOutcome.TooFewSamples);
        var worse = higherIsBetter ? mean < bound : mean > bound;
        return new EvaluatedWindow(start, end, n, mean, reference, limit, worse ? WindowOutcome.Failed : WindowOutcome.Passed);
    }
}
