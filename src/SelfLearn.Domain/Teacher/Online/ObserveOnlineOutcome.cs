using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Teacher.Metrics;
using SelfLearn.Domain.Teacher.Verdicts;

namespace SelfLearn.Domain.Teacher.Online;

/// <summary>The activation to check: its number, versions, start, and the links that name the verdict behind it.</summary>
public sealed record ObservedActivation(string DeploymentId, int Activation, int ConfigVersion, int? PreviousVersion, DateTimeOffset ActiveSince, ChangeLinks Links);

/// <summary>How long each side is watched, the base window, and the fewest live runs a metric needs on each side.</summary>
public sealed record ObservationSettings(TimeSpan Span, TimeSpan Window, int MinSamples);

/// <summary>
/// Whether an activation's offline prediction can be set against live traffic now, and the observation when it can
/// (docs/ONLINE.md, "Offline → online agreement"). Before: the complete windows of the previous version in the span
/// before the activation; after: the new version's windows that start at or after it, once the span has passed.
/// The window holding the activation is on neither side.
/// </summary>
public static class ObserveOnlineOutcome
{
    /// <summary>
    /// Why the activation cannot be observed now, before anything is read for it: no verdict behind it, no previous
    /// version, already observed, or its span not over yet; null when it is due.
    /// </summary>
    public static string? NotDue(OnlineValidity? observed, ObservedActivation activation, ObservationSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(activation);
        ArgumentNullException.ThrowIfNull(settings);
        if (activation.Links.VerdictId is null || activation.Links.ExperimentId is null)
            return $"activation {activation.Activation} did not come from an offline verdict.";
        if (activation.PreviousVersion is null)
            return $"activation {activation.Activation} has no previous version to compare with.";
        if (observed?.Activations.Contains(activation.Activation) == true)
            return $"activation {activation.Activation} is already observed.";
        var end = activation.ActiveSince + settings.Span;
        return now < end ? $"activation {activation.Activation} is observed once its version has run for {settings.Span.TotalMinutes:0.#} minutes, at {end:O}." : null;
    }

    public static (OnlineOutcomeObserved? Observed, string? Reason) Decide(
        OnlineValidity? observed, ObservedActivation activation, IReadOnlyList<MetricComparison>? predicted, IReadOnlyList<WindowFigure> figures,
        IReadOnlyList<PredictedMetric> earlier, ObservationSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(earlier);
        if (NotDue(observed, activation, settings, now) is { } reason)
            return (null, reason);
        var (verdictId, experimentId, previous) = (activation.Links.VerdictId!, activation.Links.ExperimentId!, activation.PreviousVersion!.Value);
        if (predicted is null)
            return (null, $"verdict {verdictId} of experiment {experimentId} is not recorded.");
        var end = activation.ActiveSince + settings.Span;

        var before = Means(figures.Where(f => f.ConfigVersion == previous && f.WindowStart + settings.Window <= activation.ActiveSince
            && f.WindowStart >= activation.ActiveSince - settings.Span));
        var after = Means(figures.Where(f => f.ConfigVersion == activation.ConfigVersion && f.WindowStart >= activation.ActiveSince && f.WindowStart < end));
        var metrics = predicted
            .Where(m => m.Segment == Segments.All && (m.Mean ?? m).AbsoluteDelta is not null)
            .Select(m => (m.Metric, Delta: (m.Mean ?? m).AbsoluteDelta!.Value, Relative: (m.Mean ?? m).RelativeDelta))
            .Where(p => before.TryGetValue(p.Metric, out var b) && b.N >= settings.MinSamples && after.TryGetValue(p.Metric, out var a) && a.N >= settings.MinSamples)
            .OrderBy(p => p.Metric, StringComparer.Ordinal)
            .Select(p => new PredictedMetric(p.Metric, p.Delta, p.Relative, before[p.Metric].N, before[p.Metric].Mean, after[p.Metric].N, after[p.Metric].Mean))
            .ToList();
        if (metrics.Count == 0)
            return (null, $"no metric of verdict {verdictId} has {settings.MinSamples} live runs on both sides of activation {activation.Activation}.");

        return (new OnlineOutcomeObserved(activation.DeploymentId, activation.Activation, activation.ConfigVersion, previous, experimentId, verdictId,
            activation.Links.GoalId, activation.Links.CycleId, activation.ActiveSince, (int)settings.Span.TotalMinutes, metrics,
            Agreement.Of([.. earlier, .. metrics])), null);
    }

    private static Dictionary<string, (long N, double Mean)> Means(IEnumerable<WindowFigure> figures) =>
        figures.GroupBy(f => f.Metric, StringComparer.Ordinal)
            .Select(g => (g.Key, N: g.Sum(f => f.N), Total: g.Sum(f => f.Total)))
            .Where(g => g.N > 0)
            .ToDictionary(g => g.Key, g => (g.N, g.Total / g.N), StringComparer.Ordinal);
}
