using System.Globalization;
using SelfLearn.Domain.Configuration;
using SelfLearn.Domain.Teacher.Metrics;
using SelfLearn.Domain.Tuner;

namespace SelfLearn.Domain.Experiments;

/// <summary>
/// Turns a proposed design into an <see cref="ExperimentDesign"/>, or lists every rule it breaks: exactly one baseline,
/// metrics from the registry (docs/METRICS.md), a minimum effect above 0, a limit on every guard, alpha and power
/// inside (0, 1), a dataset version that exists (offline only), well-formed segments, a positive finite weight on every
/// variant or on none. Keys are JSON paths of the body.
/// </summary>
public static class DesignRules
{
    public const int MaxMetrics = 20;
    public const int MaxSegments = 50;
    public const int MaxHypothesisText = 2000;
    public const int MaxHypothesisId = 200;

    public static (ExperimentDesign? Design, IReadOnlyList<Violation> Violations) Check(
        IReadOnlyList<ExperimentVariant> variants, AssignmentUnit unit, DesignProposal proposal, Func<DatasetVersionRef, bool> datasetExists)
    {
        var violations = new List<Violation>();
        var roled = Roles(variants, violations);
        Weights(variants, violations);
        var hypothesis = Hypothesis(proposal.Hypothesis, violations);
        var alpha = Probability(proposal.Alpha, ExperimentDesign.DefaultAlpha, "alpha", violations);
        var power = Probability(proposal.Power, ExperimentDesign.DefaultPower, "power", violations);
        var mode = proposal.Mode ?? ExperimentDesign.DefaultMode;
        var analysis = ExperimentDesign.AnalysisFor(mode);
        var primaries = Primaries(proposal.PrimaryMetrics ?? [], violations);
        var guards = Guards(proposal.GuardMetrics ?? [], primaries, violations);
        var dataset = Dataset(proposal.Dataset, mode, datasetExists, violations);
        var segments = SegmentList(proposal.Segments ?? [], violations);
        var planned = violations.Count == 0 ? Plan(primaries, analysis, alpha, power, violations) : null;
        return violations.Count > 0
            ? (null, violations)
            : (new ExperimentDesign(hypothesis, roled, primaries, guards, alpha, power, mode, dataset, analysis, planned, unit, segments), []);
    }

    private static IReadOnlyList<ExperimentVariant> Roles(IReadOnlyList<ExperimentVariant> variants, List<Violation> violations)
    {
        var roled = ExperimentDesign.WithRoles(variants);
        var baselines = roled.Where(v => v.Role == VariantRole.Baseline).Select(v => v.Name).ToList();
        if (baselines.Count != 1)
            violations.Add(Invalid("variants", baselines.Count == 0
                ? "a design has exactly one variant with role 'baseline'; none has it (leave every role out to make the first variant the baseline)."
                : $"a design has exactly one variant with role 'baseline'; {baselines.Count} have it: {string.Join(", ", baselines)}."));
        return roled;
    }

    private static void Weights(IReadOnlyList<ExperimentVariant> variants, List<Violation> violations)
    {
        var weighted = variants.Count(v => v.Weight is not null);
        if (weighted > 0 && weighted < variants.Count)
            violations.Add(Invalid("variants", $"give every variant a weight or none (an equal split); {weighted} of {variants.Count} have one."));
        foreach (var (variant, i) in variants.Select((v, i) => (v, i)))
            if (variant.Weight is { } weight && !(double.IsFinite(weight) && weight > 0))
                violations.Add(new Violation($"variants[{i}].weight", ViolationRule.OutOfRange,
                    $"a variant's weight is its share of the units, a finite number above 0, not {Number(weight)}."));
    }

    private static ExperimentHypothesis? Hypothesis(HypothesisProposal? proposal, List<Violation> violations)
    {
        if (proposal is null)
            return null;
        if (string.IsNullOrWhiteSpace(proposal.Text) || proposal.Text.Length > MaxHypothesisText)
            violations.Add(Invalid("hypothesis.text", $"a hypothesis states what it expects in 1-{MaxHypothesisText} characters."));
        if (proposal.Id is { } id && (string.IsNullOrWhiteSpace(id) || id.Length > MaxHypothesisId))
            violations.Add(Invalid("hypothesis.id", $"a hypothesis id is 1-{MaxHypothesisId} characters."));
        return new ExperimentHypothesis(proposal.Text ?? "", proposal.Id);
    }

    private static double Probability(double? value, double fallback, string key, List<Violation> violations)
    {
        if (value is { } given && !(given > 0 && given < 1))
            violations.Add(new Violation(key, ViolationRule.OutOfRange, $"'{key}' lies strictly between 0 and 1, not {Number(given)}."));
        return value ?? fallback;
    }

    private static List<PrimaryMetric> Primaries(IReadOnlyList<PrimaryMetricProposal?> proposals, List<Violation> violations)
    {
        if (proposals.Count > MaxMetrics)
            violations.Add(Invalid("primaryMetrics", $"a design has at most {MaxMetrics} primary metrics."));
        var primaries = new List<PrimaryMetric>();
        foreach (var (proposal, i) in proposals.Take(MaxMetrics).Select((p, i) => (p, i)))
        {
            var key = $"primaryMetrics[{i}]";
            if (Metric(proposal?.Metric, key, violations) is not { } metric)
                continue;
            if (proposal!.Direction is { } direction && direction != metric.Direction)
                violations.Add(Invalid($"{key}.direction",
                    $"'{metric.Name}' is {Words(metric.Direction)}; a primary metric is meant to improve, so its direction is '{Json(metric.Direction)}'."));
            if (MinimumEffect(proposal.MinimumEffect, $"{key}.minimumEffect", violations) is not { } effect)
                continue;
            var prior = Prior(proposal.Prior, effect, $"{key}.prior", violations);
            if (primaries.Any(p => p.Metric == metric.Name))
                violations.Add(Invalid($"{key}.metric", $"'{metric.Name}' is a primary metric twice."));
            primaries.Add(new PrimaryMetric(metric.Name, metric.Direction, effect, prior));
        }
        return primaries;
    }

    private static MinimumEffect? MinimumEffect(MinimumEffectProposal? proposal, string key, List<Violation> violations)
    {
        if (proposal?.Value is not { } value || proposal.Scale is not { } scale)
        {
            violations.Add(Invalid(key, $"'{key}' is {{\"value\": a number above 0, \"scale\": \"absolute\" or \"relative\"}}."));
            return null;
        }
        if (!(value > 0))
            violations.Add(new Violation($"{key}.value", ViolationRule.OutOfRange, $"a minimum effect is above 0, not {Number(value)}."));
        return new MinimumEffect(value, scale);
    }

    private static MetricPrior? Prior(PriorProposal? proposal, MinimumEffect effect, string key, List<Violation> violations)
    {
        if (proposal is null)
            return null;
        if (proposal.StandardDeviation is not { } sd || !(sd > 0))
            violations.Add(new Violation($"{key}.standardDeviation", ViolationRule.OutOfRange,
                "a prior gives the metric's standard deviation, a number above 0 (of per-example differences for offline designs)."));
        if (effect.Scale == EffectScale.Relative && proposal.Mean is not (> 0 or < 0))
            violations.Add(Invalid($"{key}.mean", "a relative minimum effect needs the baseline's mean (not 0) to plan the sample size."));
        return new MetricPrior(proposal.StandardDeviation ?? 0, proposal.Mean, proposal.Source ?? PriorSource.Prior);
    }

    private static List<GuardMetric> Guards(IReadOnlyList<GuardMetricProposal?> proposals, List<PrimaryMetric> primaries, List<Violation> violations)
    {
        if (proposals.Count > MaxMetrics)
            violations.Add(Invalid("guardMetrics", $"a design has at most {MaxMetrics} guard metrics."));
        var guards = new List<GuardMetric>();
        foreach (var (proposal, i) in proposals.Take(MaxMetrics).Select((p, i) => (p, i)))
        {
            var key = $"guardMetrics[{i}]";
            if (Metric(proposal?.Metric, key, violations) is not { } metric)
                continue;
            var (relative, absolute, bound) = (proposal!.MaxRelativeDegradation, proposal.MaxAbsoluteDegradation, proposal.Bound);
            if (relative is null && absolute is null && bound is null)
                violations.Add(Invalid(key,
                    $"guard '{metric.Name}' has no limit: give maxRelativeDegradation, maxAbsoluteDegradation or bound."));
            if (relative is < 0)
                violations.Add(new Violation($"{key}.maxRelativeDegradation", ViolationRule.OutOfRange, $"a degradation limit is 0 or more, not {Number(relative.Value)}."));
            if (absolute is < 0)
                violations.Add(new Violation($"{key}.maxAbsoluteDegradation", ViolationRule.OutOfRange, $"a degradation limit is 0 or more, not {Number(absolute.Value)}."));
            if (guards.Any(g => g.Metric == metric.Name))
                violations.Add(Invalid($"{key}.metric", $"'{metric.Name}' is a guard metric twice."));
            if (primaries.Any(p => p.Metric == metric.Name))
                violations.Add(Invalid($"{key}.metric", $"'{metric.Name}' is already a primary metric; a guard watches another one."));
            guards.Add(new GuardMetric(metric.Name, metric.Direction, relative, absolute, bound));
        }
        return guards;
    }

    private static MetricDefinition? Metric(string? name, string key, List<Violation> violations)
    {
        if (name is null)
            violations.Add(Invalid($"{key}.metric", $"'{key}.metric' names a metric of the registry (docs/METRICS.md)."));
        else if (!MetricRegistry.TryGet(name, out var metric))
            violations.Add(Invalid($"{key}.metric", $"unknown metric '{name}' (docs/METRICS.md lists the metrics)."));
        else
            return metric;
        return null;
    }

    private static DatasetVersionRef? Dataset(DatasetProposal? proposal, ExperimentMode mode, Func<DatasetVersionRef, bool> exists, List<Violation> violations)
    {
        if (proposal is null)
            return null;
        if (mode == ExperimentMode.Online)
        {
            violations.Add(Invalid("dataset", "an online experiment runs on real traffic and names no dataset."));
            return null;
        }
        if (proposal.Name is not { } name || !OpenDeployment.IdPattern().IsMatch(name) || proposal.Version is not >= 1)
        {
            violations.Add(Invalid("dataset", "'dataset' is {\"name\": a dataset name, \"version\": a version number from 1}."));
            return null;
        }
        var reference = new DatasetVersionRef(name, proposal.Version.Value);
        if (!exists(reference))
            violations.Add(new Violation("dataset", ViolationRule.UnknownVersion,
                $"no dataset '{name}' version {reference.Version} (GET /api/datasets lists the registered ones)."));
        return reference;
    }

    private static List<string> SegmentList(IReadOnlyList<string?> segments, List<Violation> violations)
    {
        if (segments.Count > MaxSegments)
            violations.Add(Invalid("segments", $"a design has at most {MaxSegments} segments."));
        var valid = new List<string>();
        foreach (var (segment, i) in segments.Take(MaxSegments).Select((s, i) => (s, i)))
        {
            if ((segment is null ? "a segment is 'dimension:value', e.g. kind:multi-hop." : Segments.Validate(segment)) is { } error)
                violations.Add(Invalid($"segments[{i}]", error));
            else if (valid.Contains(segment!))
                violations.Add(Invalid($"segments[{i}]", $"segment '{segment}' is named twice."));
            else
                valid.Add(segment!);
        }
        return valid;
    }

    private static PlannedSampleSize? Plan(List<PrimaryMetric> primaries, AnalysisKind analysis, double alpha, double power, List<Violation> violations)
    {
        var byMetric = new List<MetricSampleSize>();
        foreach (var (primary, i) in primaries.Select((p, i) => (p, i)))
        {
            if (primary.Prior is not { } prior)
                continue;
            var mde = SampleSize.AbsoluteEffect(primary.MinimumEffect, prior.Mean);
            if (SampleSize.PerVariant(analysis, alpha, power, prior.StandardDeviation, mde) is { } n)
                byMetric.Add(new MetricSampleSize(primary.Metric, n));
            else
                violations.Add(new Violation($"primaryMetrics[{i}].minimumEffect", ViolationRule.OutOfRange,
                    $"'{primary.Metric}': a minimum effect of {Number(mde)} against a standard deviation of {Number(prior.StandardDeviation)} " +
                    $"needs more than {SampleSize.MaxPerVariant.ToString("N0", CultureInfo.InvariantCulture)} samples per variant."));
        }
        return byMetric.Count == 0 ? null : new PlannedSampleSize(byMetric.Max(m => m.PerVariant), byMetric);
    }

    private static Violation Invalid(string key, string message) => new(key, ViolationRule.InvalidDefinition, message);

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Words(MetricDirection direction) => direction == MetricDirection.HigherIsBetter ? "higher-is-better" : "lower-is-better";

    private static string Json(MetricDirection direction) => direction == MetricDirection.HigherIsBetter ? "higher" : "lower";
}
