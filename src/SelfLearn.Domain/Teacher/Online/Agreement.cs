using MathNet.Numerics.Statistics;

namespace SelfLearn.Domain.Teacher.Online;

public static class Agreement
{
    public static RunningAgreement Of(IReadOnlyList<PredictedMetric> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var agreeing = pairs.Count(p => p.DirectionAgrees);
        var relative = pairs.Where(p => p.PredictedRelative is not null && p.ObservedRelative is not null)
            .Select(p => (Predicted: p.PredictedRelative!.Value, Observed: p.ObservedRelative!.Value)).ToList();
        double? correlation = relative.Count >= 3 && Varies(relative.Select(r => r.Predicted)) && Varies(relative.Select(r => r.Observed))
            ? Correlation.Pearson(relative.Select(r => r.Predicted), relative.Select(r => r.Observed))
            : null;
        return new RunningAgreement(pairs.Count, agreeing, pairs.Count == 0 ? null : (double)agreeing / pairs.Count, correlation);
    }

    private static bool Varies(IEnumerable<double> values) => values.Distinct().Skip(1).Any();
}
