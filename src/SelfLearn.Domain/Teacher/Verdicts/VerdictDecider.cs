using System.Globalization;
using SelfLearn.Domain.Experiments;
using SelfLearn.Domain.Teacher.Hypotheses;
using SelfLearn.Domain.Teacher.Metrics;
using SelfLearn.Domain.Teacher.Statistics;

namespace SelfLearn.Domain.Teacher.Verdicts;

/// <summary>
/// The verdict on each treatment of an experiment, from its stored aggregates alone (docs/TEACHER.md, "Verdicts"):
/// <c>invalid</c> on a sample-ratio mismatch or too few samples of a primary metric; else <c>loser</c> when a primary metric
/// is significantly worse or a guard is breached; else <c>winner</c> when every primary metric is significantly better
/// (Holm-adjusted across the primaries) by at least its minimum effect and every guard could be checked; else
/// <c>inconclusive</c>. The call reads all examples; the design's segments are reported beside it. Skewed primaries and
/// guards are judged on their p95 by a seeded bootstrap (<see cref="CompareSkewed"/>).
/// </summary>
/// <exception cref="ArgumentException">The aggregates cannot describe real values (e.g. tampered sums).</exception>
public static class VerdictDecider
{
    public static VerdictRecorded Decide(string verdictId, VerdictInput input, string by) =>
        new(input.ExperimentId, verdictId, by, input, Evaluate(input));

    public static VerdictResult Evaluate(VerdictInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var design = input.Design;
        var guards = VerdictSettings.GuardsOf(design);
        var sampleRatio = CheckSampleRatio(input);
        var treatments = design.Variants.Where(v => v.Role != VariantRole.Baseline)
            .Select(v => Judge(input, v.Name, guards, sampleRatio)).ToList();
        return new VerdictResult(sampleRatio, guards, treatments);
    }

    private static TreatmentVerdict Judge(VerdictInput input, string treatment, IReadOnlyList<GuardMetric> guards, SampleRatioCheck? sampleRatio)
    {
        var design = input.Design;
        var segments = new[] { Segments.All }.Concat(design.Segments.Where(s => s != Segments.All)).Distinct(StringComparer.Ordinal).ToList();
        var roles = design.PrimaryMetrics.Select(p => (p.Metric, Role: MetricRole.Primary))
            .Concat(guards.Select(g => (g.Metric, Role: MetricRole.Guard)))
            .Concat(input.SideEffectMetrics.Select(m => (Metric: m, Role: MetricRole.SideEffect)))
            .DistinctBy(m => m.Metric, StringComparer.Ordinal).ToList();

        var comparisons = new List<MetricComparison>();
        foreach (var (metric, role) in roles)
            foreach (var segment in segments)
                comparisons.Add(Compare(input, MetricRegistry.Get(metric), segment, role, treatment));

        AdjustPrimaries(design, comparisons);
        var reasons = new List<string>();
        var breaches = new List<GuardBreach>();
        var call = Call(design, guards, comparisons, sampleRatio, reasons, breaches);
        return new TreatmentVerdict(treatment, call, reasons, breaches, comparisons);
    }

    private static MetricComparison Compare(VerdictInput input, MetricDefinition metric, string segment, MetricRole role, string treatment)
    {
        var baselineName = input.Design.Baseline.Name;
        var baseline = input.PerVariant.FirstOrDefault(a => a.Metric == metric.Name && a.Segment == segment && a.Variant == baselineName);
        var treated = input.PerVariant.FirstOrDefault(a => a.Metric == metric.Name && a.Segment == segment && a.Variant == treatment);
        var mean = input.Design.Analysis == AnalysisKind.Paired
            ? CompareMetric.Paired(metric, segment, role,
                input.Paired.FirstOrDefault(p => p.Metric == metric.Name && p.Segment == segment && p.Treatment == treatment && p.Baseline == baselineName),
                baseline, treated, input.Design.Alpha)
            : CompareMetric.Unpaired(metric, segment, role, baseline, treated, input.Design.Alpha);
        return CompareSkewed.Judge(metric, mean, baseline, treated, input.Bootstrap, input.Design.Alpha);
    }

    /// <summary>Holm across the primary metrics on all examples; their significance and minimum-effect check read the adjusted p.</summary>
    private static void AdjustPrimaries(ExperimentDesign design, List<MetricComparison> comparisons)
    {
        var tested = comparisons.Select((c, i) => (c, i)).Where(x => x.c.Role == MetricRole.Primary && x.c.Segment == Segments.All && x.c.P is not null).ToList();
        var adjusted = HolmBonferroni.Adjust([.. tested.Select(x => x.c.P!.Value)]);
        for (var k = 0; k < tested.Count; k++)
        {
            var (c, i) = tested[k];
            var metric = MetricRegistry.Get(c.Metric);
            var primary = design.PrimaryMetrics.First(p => p.Metric == c.Metric);
            comparisons[i] = c with
            {
                AdjustedP = adjusted[k],
                Significance = CompareMetric.SignificanceOf(metric, c.AbsoluteDelta, adjusted[k], design.Alpha),
                MeetsMinimumEffect = MeetsMinimumEffect(primary, c),
            };
        }
    }

    /// <summary>The point estimate moved the good way by at least the minimum effect (absolute, or relative to the baseline).</summary>
    private static bool MeetsMinimumEffect(PrimaryMetric primary, MetricComparison c)
    {
        var sign = primary.Direction == MetricDirection.HigherIsBetter ? 1 : -1;
        var effect = primary.MinimumEffect.Scale == EffectScale.Absolute ? c.AbsoluteDelta : c.RelativeDelta;
        return effect is { } e && sign * e >= primary.MinimumEffect.Value;
    }

    private static VerdictCall Call(ExperimentDesign design, IReadOnlyList<GuardMetric> guards, List<MetricComparison> comparisons,
        SampleRatioCheck? sampleRatio, List<string> reasons, List<GuardBreach> breaches)
    {
        var primaries = comparisons.Where(c => c.Role == MetricRole.Primary && c.Segment == Segments.All).ToList();
        if (sampleRatio is { IsMismatch: true })
            reasons.Add($"sample-ratio mismatch: runs per variant {string.Join(" / ", sampleRatio.Runs)}, p = {Number(sampleRatio.P)} < {Number(SampleRatioMismatch.Threshold)}.");
        foreach (var c in primaries.Where(c => c.P is null))
            reasons.Add($"{c.Metric}: {c.Note}");
        if (reasons.Count > 0)
            return VerdictCall.Invalid;

        foreach (var guard in guards)
        {
            var c = comparisons.First(x => x.Metric == guard.Metric && x.Segment == Segments.All);
            if (c.P is null)
            {
                reasons.Add($"guard {guard.Metric} could not be checked: {c.Note}");
                continue;
            }
            breaches.AddRange(Breaches(guard, c));
        }
        foreach (var breach in breaches)
            reasons.Add($"guard {breach.Metric} breached: {breach.Limit} {Number(breach.LimitValue)}, observed {Number(breach.Observed)}.");
        foreach (var c in primaries.Where(c => c.Significance == Significance.Worse))
            reasons.Add($"{c.Metric} is significantly worse (adjusted p = {Number(c.AdjustedP!.Value)}).");
        if (breaches.Count > 0 || primaries.Any(c => c.Significance == Significance.Worse))
            return VerdictCall.Loser;

        if (primaries.Count == 0)
            reasons.Add("the design names no primary metric.");
        foreach (var c in primaries.Where(c => c.Significance != Significance.Better))
            reasons.Add($"{c.Metric} is not significantly better (adjusted p = {Number(c.AdjustedP!.Value)}).");
        foreach (var c in primaries.Where(c => c.Significance == Significance.Better && c.MeetsMinimumEffect != true))
            reasons.Add($"{c.Metric} is significantly better by less than its minimum effect.");
        if (reasons.Count > 0)
            return VerdictCall.Inconclusive;
        reasons.Add("every primary metric is significantly better by at least its minimum effect and no guard is breached.");
        return VerdictCall.Winner;
    }

    /// <summary>
    /// A degradation limit is breached when the guard is significantly worse (raw p) and the degradation exceeds the limit;
    /// a bound when the treatment's value lies beyond it.
    /// </summary>
    private static IEnumerable<GuardBreach> Breaches(GuardMetric guard, MetricComparison c)
    {
        var degradation = guard.Direction == MetricDirection.HigherIsBetter ? -c.AbsoluteDelta!.Value : c.AbsoluteDelta!.Value;
        var worse = c.Significance == Significance.Worse;
        if (worse && guard.MaxAbsoluteDegradation is { } absolute && degradation > absolute)
            yield return new GuardBreach(guard.Metric, "maxAbsoluteDegradation", absolute, degradation);
        if (worse && guard.MaxRelativeDegradation is { } relative && c.BaselineValue is { } baseline)
        {
            var observed = baseline == 0 ? degradation : degradation / Math.Abs(baseline);
            if (baseline == 0 || observed > relative)
                yield return new GuardBreach(guard.Metric, "maxRelativeDegradation", relative, observed);
        }
        if (guard.Bound is { } bound && c.TreatmentValue is { } value
            && (guard.Direction == MetricDirection.HigherIsBetter ? value < bound : value > bound))
            yield return new GuardBreach(guard.Metric, "bound", bound, value);
    }

    /// <summary>
    /// Runs per variant = the most runs any metric saw on all examples (count + missing), tested against an equal split.
    /// In a paired offline design every variant plays every example, so a variant with fewer runs lost some.
    /// </summary>
    private static SampleRatioCheck? CheckSampleRatio(VerdictInput input)
    {
        var variants = input.Design.Variants.Select(v => v.Name).ToList();
        var runs = variants.Select(v => input.PerVariant.Where(a => a.Variant == v && a.Segment == Segments.All)
            .Select(a => a.Count + a.Missing).DefaultIfEmpty(0).Max()).ToList();
        if (variants.Count < 2 || runs.Sum() == 0)
            return null;
        var test = SampleRatioMismatch.Test(runs, [.. variants.Select(_ => 1.0)]);
        return new SampleRatioCheck(variants, runs, test.ChiSquare, test.P, test.IsMismatch);
    }

    private static string Number(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
